using SchemaFirst.Sql;

namespace SchemaFirst.Lint.Rules;

/// <summary>DC102: columns have comments (off by default).</summary>
public sealed class ColumnCommentRule : SchemaRule
{
    public override string Code => "DC102";
    public override string Name => "column-comment";
    public override string Summary => "Every column has a COMMENT, except those whose name says it all (id, created_at, updated_at by default).";
    public override string Why => "Units, time zones, who writes a column and what NULL means are not in the type; a comment keeps them with the column for every reader and generated doc.";
    public override string Bad => "CREATE TABLE legs (id bigint PRIMARY KEY, distance numeric);";
    public override string Good => "CREATE TABLE legs (id bigint PRIMARY KEY, distance numeric);\nCOMMENT ON COLUMN legs.distance IS 'Kilometres, as driven';";
    public override string Fix => "COMMENT ON COLUMN <table>.<column> IS '...'";
    public override bool OnByDefault => false;
    public override IReadOnlyList<(string Name, string Default, string Meaning)> Options => [("exempt", "id, created_at, updated_at", "column name globs that need no comment")];

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        var exempt = settings.List("exempt", ["id", "created_at", "updated_at"]);
        foreach (var t in context.Tables)
        {
            foreach (var c in t.Columns)
            {
                if (string.IsNullOrWhiteSpace(c.Comment) && !exempt.Any(g => Glob.IsMatch(g, c.Name))) yield return context.OnColumn(this, settings, t, c, $"column {t.Name}.{c.Name} has no comment");
            }
        }
    }
}
