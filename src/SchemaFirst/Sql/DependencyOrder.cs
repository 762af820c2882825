namespace SchemaFirst.Sql;

/// <summary>
/// Represents a deterministic topological sort: items come out in dependency order, ties broken by (rank, key).
/// Soft dependencies (foreign keys) may be broken: when an item is held back only by soft ones and nothing of its
/// rank or lower is ready, it is taken and the caller adds the broken references afterwards. When hard cycles
/// remain, the smallest item is taken so the sort always finishes.
/// </summary>
internal sealed class DependencyOrder<T>
{
    private readonly List<(T Item, int Rank, string Key)> _items = new();
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<HashSet<int>> _hard = new();
    private readonly List<HashSet<int>> _soft = new();

    public void Add(T item, int rank, string key)
    {
        if (_index.ContainsKey(key)) return;
        _index[key] = _items.Count;
        _items.Add((item, rank, key));
        _hard.Add(new HashSet<int>());
        _soft.Add(new HashSet<int>());
    }

    /// <summary>Records that <paramref name="key"/> must come after <paramref name="dependsOn"/> (ignored if either is unknown).</summary>
    public void Depend(string key, string dependsOn, bool soft = false)
    {
        if (key == dependsOn) return;
        if (!_index.TryGetValue(key, out var a) || !_index.TryGetValue(dependsOn, out var b)) return;
        if (soft)
        {
            if (!_hard[a].Contains(b)) _soft[a].Add(b);
        }
        else
        {
            _soft[a].Remove(b);
            _hard[a].Add(b);
        }
    }

    public List<T> Sort()
    {
        var n = _items.Count;
        var hardLeft = new int[n];
        var softLeft = new int[n];
        var dependents = new List<(int Item, bool Soft)>[n];
        for (var i = 0; i < n; i++) dependents[i] = new List<(int, bool)>();
        for (var i = 0; i < n; i++)
        {
            hardLeft[i] = _hard[i].Count;
            softLeft[i] = _soft[i].Count;
            foreach (var d in _hard[i]) dependents[d].Add((i, false));
            foreach (var d in _soft[i]) dependents[d].Add((i, true));
        }
        // Each item's place in (rank, key) order, computed once: the sets below compare these integers, not strings.
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (x, y) =>
        {
            var c = _items[x].Rank.CompareTo(_items[y].Rank);
            return c != 0 ? c : string.CompareOrdinal(_items[x].Key, _items[y].Key);
        });
        var place = new int[n];
        for (var i = 0; i < n; i++) place[order[i]] = i;
        var ready = new SortedSet<int>();
        var softReady = new SortedSet<int>();
        var blocked = new SortedSet<int>();
        int Entry(int i) => place[i];
        for (var i = 0; i < n; i++)
        {
            if (hardLeft[i] > 0) blocked.Add(Entry(i));
            else if (softLeft[i] > 0) softReady.Add(Entry(i));
            else ready.Add(Entry(i));
        }
        var done = new bool[n];
        var result = new List<T>(n);
        while (result.Count < n)
        {
            int next;
            if (ready.Count > 0 && (softReady.Count == 0 || _items[order[ready.Min]].Rank <= _items[order[softReady.Min]].Rank))
            {
                next = ready.Min;
            }
            else if (softReady.Count > 0)
            {
                next = softReady.Min;
            }
            else
            {
                next = blocked.Min;
            }
            ready.Remove(next);
            softReady.Remove(next);
            blocked.Remove(next);
            var item = order[next];
            done[item] = true;
            result.Add(_items[item].Item);
            foreach (var (dep, soft) in dependents[item])
            {
                if (done[dep]) continue;
                var before = Entry(dep);
                var wasBlocked = hardLeft[dep] > 0;
                var wasSoft = !wasBlocked && softLeft[dep] > 0;
                if (soft) softLeft[dep]--;
                else hardLeft[dep]--;
                if (hardLeft[dep] > 0) continue;
                if (wasBlocked) blocked.Remove(before);
                if (wasSoft) softReady.Remove(before);
                if (softLeft[dep] > 0) softReady.Add(before);
                else ready.Add(before);
            }
        }
        return result;
    }
}
