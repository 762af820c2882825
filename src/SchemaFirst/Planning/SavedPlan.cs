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
    public static (MigrationPlan? Plan, string? Error) Read(string json) => Read(json, EnvironmentKey());

    /// <summary>The key of SCHEMAFIRST_PLAN_KEY, or null when it is not set.</summary>
    public static string? EnvironmentKey() => Environment.GetEnvironmentVariable(KeyVariable) is { Length: > 0 } k ? k : null;

    /// <summary>A saved plan checked against <paramref name="key"/> (null: a plain SHA-256 hash is expected).</summary>
    public static (MigrationPlan? Plan, string? Error) Read(string json, string? key)
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
            if (!root.TryGetProperty("plan_hash", out var stored) || stored.ValueKind != JsonValueKind.String)
            {
                return (null, "it has no plan_hash, so an edit to it cannot be told apart (plan it again with this version)");
            }
            var (expected, keyError) = Hash(plan, key, stored.GetString()!.StartsWith("hmac-", StringComparison.Ordinal));
            if (keyError != null) return (null, keyError);
            if (!string.Equals(expected, stored.GetString(), StringComparison.Ordinal))
            {
                return (null, "it was edited after it was planned (its statements, hazards or fingerprints no longer match its plan_hash); nothing in it can be trusted to be what was reviewed");
            }
            return (plan, null);
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            return (null, e.Message);
        }
    }

    /// <summary>The environment variable whose value, when set, keys the plan hash (HMAC-SHA256) so that only holders of the key can make a valid plan.</summary>
    public const string KeyVariable = "SCHEMAFIRST_PLAN_KEY";

    /// <summary>
    /// The hash of what apply trusts in a saved plan: dialect, fingerprints, the schema it was planned against, each
    /// change, and each statement with its phase, hazards and pre-flight query. SHA-256, like Flyway's checksums, to catch
    /// edits; HMAC-SHA256 with the key in SCHEMAFIRST_PLAN_KEY when one is set, so that a plan can only come from a key holder.
    /// </summary>
    public static (string? Hash, string? Error) Hash(MigrationPlan plan, string? keyText, bool? keyed = null)
    {
        var key = keyText != null ? System.Text.Encoding.UTF8.GetBytes(keyText) : null;
        if (keyed == true && key == null) return (null, $"its plan_hash is keyed: set {KeyVariable} to the key it was planned with");
        if (keyed == false && key != null) return (null, $"its plan_hash is not keyed, and {KeyVariable} is set: only plans made with the key are applied");
        var sb = new System.Text.StringBuilder();
        void Field(string? value) => sb.Append(value?.Length ?? -1).Append(':').Append(value).Append('\n');
        Field(plan.Dialect);
        Field(plan.FromFingerprint);
        Field(plan.ToFingerprint);
        Field(plan.FromSchema);
        var index = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        foreach (var c in plan.Changes)
        {
            index[c] = index.Count;
            Field(c is RecordedChange recorded ? recorded.RecordedKind : c.GetType().Name);
            Field(c.Verb);
            Field(c.Subject);
        }
        foreach (var st in plan.Statements)
        {
            Field(st.Sql);
            Field(index.TryGetValue(st.Change, out var i) ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-1");
            Field(st.Phase.ToString());
            foreach (var h in st.Hazards)
            {
                Field(h.Code);
                Field(h.Message);
                Field(h.Check?.Sql);
                Field(h.Check?.Finding);
            }
            Field("end");
        }
        var bytes = System.Text.Encoding.UTF8.GetBytes(sb.ToString());
        return key != null
            ? ("hmac-sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(key, bytes)), null)
            : ("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), null);
    }
}
