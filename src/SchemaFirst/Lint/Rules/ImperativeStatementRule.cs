namespace SchemaFirst.Lint.Rules;

/// <summary>DF102: a DROP, TRUNCATE, DELETE, UPDATE or destructive ALTER in a declarative schema file.</summary>
public sealed class ImperativeStatementRule : SchemaRule
{
    private static readonly HashSet<string> Imperative = new(StringComparer.Ordinal)
    {
        "drop column", "drop constraint", "rename column", "rename table", "rename constraint", "alter type", "set schema", "drop not null", "detach partition",
    };

    public override string Code => "DF102";
    public override string Name => "imperative-statement";
    public override string Summary => "Schema files declare the desired state: no DROP, TRUNCATE, DELETE, UPDATE, or ALTER that drops, renames or retypes.";
    public override string Why => "A schema file is read as what should exist. A DROP or RENAME in it is a migration step that stays behind: it runs again on every fresh environment, hides the object from readers, and the plan derived from the files already makes such changes itself.";
    public override string Bad => "CREATE TABLE users (id bigint PRIMARY KEY, name text, nickname text);\nALTER TABLE users DROP COLUMN nickname;";
    public override string Good => "CREATE TABLE users (id bigint PRIMARY KEY, name text);";
    public override string Fix => "edit the CREATE statement to the state you want and let the plan make the change (-- schemafirst:renamed-from for renames)";

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        var statements = context.Statements;
        for (var i = 0; i < statements.Count; i++)
        {
            var s = statements[i];
            // DROP ... IF EXISTS right before the same object is created again is the re-runnable idiom for objects that
            // hold no data and have no CREATE OR REPLACE that fits (triggers, policies, indexes, routines): declarative in
            // effect. For a table, a sequence or a database the same idiom throws the data away on every run.
            if (s is { Verb: "drop", IfExists: true, Target: { } gone } && s.ObjectKind is "trigger" or "policy" or "rule" or "index" or "function" or "procedure" or "aggregate" or "view" or "materialized view"
                && statements.Skip(i + 1).Any(n => n.Verb == "create" && n.ObjectKind == s.ObjectKind && n.Origin == s.Origin && n.Target == gone))
            {
                continue;
            }
            string? what = s.Verb switch
            {
                "drop" => $"DROP {s.ObjectKind.ToUpperInvariant()}",
                "truncate" or "delete" or "update" => s.Verb.ToUpperInvariant(),
                "alter" when s.ObjectKind == "table" && s.Actions.FirstOrDefault(a => Imperative.Contains(a.Kind)) is { } a => "ALTER TABLE ... " + a.Kind.ToUpperInvariant(),
                "alter" when s.ObjectKind == "type" && s.TypeAction is "rename value" or "rename" => "ALTER TYPE ... " + s.TypeAction.ToUpperInvariant(),
                _ => null,
            };
            if (what == null) continue;
            yield return MigrationLintContext.On(this, settings, s, s.Describe(), $"{what} in a schema file: the files should declare the state, not the steps to it");
        }
    }
}
