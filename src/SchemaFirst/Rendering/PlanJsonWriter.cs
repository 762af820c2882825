using System.Text;
using System.Text.Json;
using SchemaFirst.Diagnostics;
using SchemaFirst.Planning;

namespace SchemaFirst.Rendering;

/// <summary>
/// Writes a plan as JSON for tools: the changes, the statements with the change each carries out (an index into
/// <c>changes</c>) and its hazards, warnings, suggestions, and the fingerprints of both sides.
/// </summary>
public static class PlanJsonWriter
{
    public static string Write(MigrationPlan plan, IReadOnlyList<Lint.LintFinding>? lint = null) => Write(plan, lint, SavedPlan.EnvironmentKey());

    /// <summary>The plan, its plan_hash keyed with <paramref name="key"/> (HMAC-SHA256) when one is given.</summary>
    public static string Write(MigrationPlan plan, IReadOnlyList<Lint.LintFinding>? lint, string? key)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("dialect", plan.Dialect);
            w.WriteString("from_fingerprint", plan.FromFingerprint);
            w.WriteString("to_fingerprint", plan.ToFingerprint);
            w.WriteBoolean("changed", !plan.IsEmpty);
            var index = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
            w.WriteStartArray("changes");
            foreach (var c in plan.Changes)
            {
                index[c] = index.Count;
                w.WriteStartObject();
                w.WriteString("kind", c.GetType().Name);
                w.WriteString("verb", c.Verb);
                w.WriteString("subject", c.Subject);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("statements");
            foreach (var s in plan.Statements)
            {
                w.WriteStartObject();
                w.WriteString("sql", s.Sql);
                w.WriteNumber("change", index.TryGetValue(s.Change, out var i) ? i : -1);
                w.WriteBoolean("transactional", s.Transactional);
                w.WriteString("phase", s.Phase.ToString().ToLowerInvariant());
                w.WriteStartArray("hazards");
                foreach (var h in s.Hazards)
                {
                    w.WriteStartObject();
                    w.WriteString("code", h.Code);
                    w.WriteString("message", h.Message);
                    w.WriteBoolean("destructive", h.Destructive);
                    if (h.Check != null)
                    {
                        w.WriteStartObject("check");
                        w.WriteString("sql", h.Check.Sql);
                        w.WriteString("finding", h.Check.Finding);
                        w.WriteEndObject();
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("warnings");
            foreach (var d in plan.Diagnostics) DiagnosticJsonWriter.Write(w, d);
            w.WriteEndArray();
            w.WriteStartArray("suggestions");
            foreach (var s in plan.Suggestions) w.WriteStringValue(s);
            w.WriteEndArray();
            if (lint != null)
            {
                w.WritePropertyName("lint");
                LintWriter.WriteFindings(w, lint);
            }
            if (plan.FromSchema != null) w.WriteString("from_schema", plan.FromSchema);
            w.WriteString("plan_hash", SavedPlan.Hash(plan, key).Hash);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }
}
