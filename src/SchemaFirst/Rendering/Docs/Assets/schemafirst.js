// SchemaFirst docs: search over tables and columns, and pan and zoom on diagrams. No network, works from file://.
(function () {
  "use strict";
  function search() {
    var input = document.getElementById("sf-search");
    var box = document.getElementById("sf-results");
    if (!input || !box || !window.SF_INDEX) return;
    var active = -1;
    function render() {
      var q = input.value.trim().toLowerCase();
      box.innerHTML = "";
      active = -1;
      if (!q) { box.classList.remove("open"); return; }
      var hits = [];
      for (var i = 0; i < window.SF_INDEX.length && hits.length < 60; i++) {
        var e = window.SF_INDEX[i];
        if (e.n.toLowerCase().indexOf(q) >= 0) hits.push(e);
      }
      hits.forEach(function (e) {
        var a = document.createElement("a");
        a.href = e.u;
        a.textContent = e.n;
        var k = document.createElement("span");
        k.className = "kind";
        k.textContent = e.k;
        a.appendChild(k);
        box.appendChild(a);
      });
      if (hits.length === 0) {
        var none = document.createElement("div");
        none.className = "note";
        none.style.padding = "5px 10px";
        none.textContent = "No table or column matches.";
        box.appendChild(none);
      }
      box.classList.add("open");
    }
    input.addEventListener("input", render);
    input.addEventListener("keydown", function (ev) {
      var links = box.querySelectorAll("a");
      if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        if (links.length === 0) return;
        active = (active + (ev.key === "ArrowDown" ? 1 : links.length - 1)) % links.length;
        links.forEach(function (l, i) { l.classList.toggle("active", i === active); });
        ev.preventDefault();
      } else if (ev.key === "Enter" && links.length > 0) {
        window.location.href = links[Math.max(active, 0)].href;
      } else if (ev.key === "Escape") {
        box.classList.remove("open");
      }
    });
    document.addEventListener("click", function (ev) { if (!box.contains(ev.target) && ev.target !== input) box.classList.remove("open"); });
  }

  function zoom(diagram) {
    var canvas = diagram.querySelector(".canvas");
    if (!canvas) return;
    var s = 1, x = 0, y = 0, drag = null;
    function apply() {
      canvas.style.transform = "translate(" + x + "px," + y + "px) scale(" + s + ")";
      diagram.setAttribute("data-scale", s.toFixed(3));
    }
    function fit() {
      var w = canvas.scrollWidth, h = canvas.scrollHeight;
      var r = diagram.getBoundingClientRect();
      s = Math.min(1, (r.width - 20) / Math.max(w, 1), (r.height - 20) / Math.max(h, 1));
      x = Math.max(10, (r.width - w * s) / 2);
      y = Math.max(10, (r.height - h * s) / 2);
      apply();
    }
    function zoomAt(factor, cx, cy) {
      var ns = Math.min(8, Math.max(0.05, s * factor));
      x = cx - (cx - x) * (ns / s);
      y = cy - (cy - y) * (ns / s);
      s = ns;
      apply();
    }
    diagram.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var r = diagram.getBoundingClientRect();
      zoomAt(ev.deltaY < 0 ? 1.15 : 1 / 1.15, ev.clientX - r.left, ev.clientY - r.top);
    }, { passive: false });
    diagram.addEventListener("mousedown", function (ev) {
      if (ev.target.closest("a, button")) return;
      drag = { x: ev.clientX - x, y: ev.clientY - y };
      diagram.classList.add("dragging");
    });
    window.addEventListener("mousemove", function (ev) { if (drag) { x = ev.clientX - drag.x; y = ev.clientY - drag.y; apply(); } });
    window.addEventListener("mouseup", function () { drag = null; diagram.classList.remove("dragging"); });
    diagram.querySelectorAll("button[data-zoom]").forEach(function (b) {
      b.addEventListener("click", function () {
        var r = diagram.getBoundingClientRect();
        var z = b.getAttribute("data-zoom");
        if (z === "fit") fit(); else zoomAt(z === "in" ? 1.25 : 0.8, r.width / 2, r.height / 2);
      });
    });
    var img = canvas.querySelector("img");
    if (img && !img.complete) img.addEventListener("load", fit); else fit();
  }

  document.addEventListener("DOMContentLoaded", function () {
    search();
    document.querySelectorAll(".diagram").forEach(zoom);
  });
})();
