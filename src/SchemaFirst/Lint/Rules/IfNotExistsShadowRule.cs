using SchemaFirst.Model;

namespace SchemaFirst.Lint.Rules;

/// <summary>DF101: a CREATE ... IF NOT EXISTS whose name an earlier statement already created.</summary>
public sealed class IfNotExistsShadowRule : SchemaRule
{
    public override string Code => "DF101";
    public override string Name => "if-not-exists-shadowed";
    public override string Summary => "No CREATE ... IF NOT EXISTS reuses a name an earlier statement of the source already created (tables, indexes, sequences and views share one namespace per schema).";
    public override string Why => "IF NOT EXISTS turns the second definition into a silent no-op: the file says the index covers (a, b) while the database keeps the first one's (a), or an index named like one on another table never gets built. Nothing fails, so nobody notices.";
    public override string Bad => "CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE INDEX IF NOT EXISTS users_email_idx ON users (id);\nCREATE INDEX IF NOT EXISTS users_email_idx ON users (email);";
    public override string Good => "CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE INDEX IF NOT EXISTS users_id_idx ON users (id);\nCREATE INDEX IF NOT EXISTS users_email_idx ON users (email);";
    public override string Fix => "give the second object its own name, or delete the definition that never takes effect";
    public override Diagnostics.Severity DefaultSeverity => Diagnostics.Severity.Error;

    private static string Space(string kind) => kind switch
    {
        "table" or "index" or "sequence" or "view" or "materialized view" => "relation",
        "type" or "domain" => "type",
        _ => kind,
    };

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        var first = new Dictionary<(string, QualifiedName), ScriptStatement>();
        foreach (var s in context.Statements)
        {
            // A schema or extension has no definition a second statement could disagree with: repeating it is harmless.
            if (s.Verb != "create" || s.Target is not { } name || s.ObjectKind is "" or "schema" or "extension") continue;
            var key = (Space(s.ObjectKind), name);
            if (!first.TryGetValue(key, out var earlier))
            {
                first[key] = s;
                continue;
            }
            if (!s.IfNotExists) continue;
            var where = earlier.Location is { } at ? $"{Path.GetFileName(at.Path)}:{at.Line}" : "earlier";
            yield return MigrationLintContext.On(this, settings, s, $"create {s.ObjectKind} {name}",
                $"{s.ObjectKind} {name} was already created ({earlier.ObjectKind}) at {where}; IF NOT EXISTS makes this definition a silent no-op");
        }
    }
}
