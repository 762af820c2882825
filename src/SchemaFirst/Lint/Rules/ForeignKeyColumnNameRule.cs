namespace SchemaFirst.Lint.Rules;

/// <summary>NM107: a foreign key column says what it points to, or has a comment that does.</summary>
public sealed class ForeignKeyColumnNameRule : SchemaRule
{
    public override string Code => "NM107";
    public override string Name => "foreign-key-column-name";
    public override string Summary => "A single-column foreign key is named <referenced>_<column> (customer_id for customers.id), ends in _<column>, or has a comment.";
    public override string Why => "A column called owner or parent that holds a user's id hides the join a reader needs; customer_id says it. When the name must differ (two references to one table), a comment says why.";
    public override string Bad => "CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE posts (id bigint PRIMARY KEY, owner bigint REFERENCES users (id));";
    public override string Good => "CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE posts (id bigint PRIMARY KEY, owner_id bigint REFERENCES users (id));";
    public override string Fix => "rename the column to <referenced>_<column> or end it in _<column>, or COMMENT ON COLUMN to say what it references";
    public override Diagnostics.Severity DefaultSeverity => Diagnostics.Severity.Info;

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        foreach (var t in context.Tables)
        {
            foreach (var fk in t.ForeignKeys)
            {
                if (fk.Columns.Count != 1 || fk.ReferencedColumns.Count != 1) continue;
                var name = fk.Columns[0];
                var target = fk.ReferencedColumns[0];
                if (t.FindColumn(name) is not { } column || column.Comment != null) continue;
                if (name == target || name.EndsWith("_" + target, StringComparison.Ordinal)) continue;
                if (name == Words.Singular(fk.ReferencedTable.Name) + "_" + target) continue;
                yield return context.OnColumn(this, settings, t, column, $"column \"{name}\" references {fk.ReferencedTable}.{target} but its name does not end in _{target}");
            }
        }
    }
}
