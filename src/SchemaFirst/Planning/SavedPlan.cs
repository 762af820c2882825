using System.Text.Json;
using SchemaFirst.Diff;

namespace SchemaFirst.Planning;

/// <summary>
/// Reads a plan saved with <c>plan -o plan.json</c> back for apply: its dialect, both fingerprints, the current schema
/// it was planned against, and each statement with its change, phase, hazards and pre-flight query. A file that is not
/// such a plan, or was edited into something that is not, is an error with what is wrong.
/// </summary>
public static class SavedPlan
{
    public static (MigrationPlan? Plan, string? Error) Read(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            string Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString()!
                : throw new FormatException($"'{name}' is missing or not a string");
            var changes = new List<SchemaChange>();
            foreach (var c in root.GetProperty("changes").EnumerateArray()) changes.Add(new RecordedChange(Str(c, "kind"), Str(c, "verb"), Str(c, "subject")));
            var statements = new List<PlannedStatement>();
            foreach (var s in root.GetProperty("statements").EnumerateArray())
            {
                var index = s.GetProperty("change").GetInt32();
                if (index < 0 || index >= changes.Count) throw new FormatException($"a statement names change {index}, and the plan has {changes.Count}");
                var phase = s.TryGetProperty("phase", out var p)
                    ? Enum.Parse<StatementPhase>(p.GetString()!, ignoreCase: true)
                    : s.GetProperty("transactional").GetBoolean() ? StatementPhase.Transaction : StatementPhase.Before;
                var hazards = new List<Hazard>();
                foreach (var h in s.GetProperty("hazards").EnumerateArray())
                {
                    var check = h.TryGetProperty("check", out var k) ? new DataCheck(Str(k, "sql"), Str(k, "finding")) : null;
                    hazards.Add(new Hazard(Str(h, "code"), Str(h, "message"), check));
                }
                statements.Add(new PlannedStatement(Str(s, "sql"), changes[index], hazards, phase));
            }
            var plan = new MigrationPlan(Str(root, "dialect"), changes, statements, [], [], Str(root, "from_fingerprint"), Str(root, "to_fingerprint"))
            {
                FromSchema = root.TryGetProperty("from_schema", out var from) ? from.GetString() : null,
            };
            return (plan, null);
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            return (null, e.Message);
        }
    }
}
