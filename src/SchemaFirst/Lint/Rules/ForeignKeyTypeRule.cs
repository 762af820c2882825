using SchemaFirst.Model;

namespace SchemaFirst.Lint.Rules;

/// <summary>KY105: a foreign key column has exactly the type of the column it references.</summary>
public sealed class ForeignKeyTypeRule : SchemaRule
{
    public override string Code => "KY105";
    public override string Name => "foreign-key-type-mismatch";
    public override string Summary => "Each foreign key column has the same type as the column it references.";
    public override string Why => "An integer column referencing a bigint key works until the key passes 2^31, then inserts fail; a varchar(20) referencing varchar(40) cannot hold every key. Mismatched types also make join conditions need casts that stop index use.";
    public override string Bad => "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id integer REFERENCES customers (id));";
    public override string Good => "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));";
    public override string Fix => "give the referencing column the referenced column's type";

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        var tables = context.Model.Tables.ToDictionary(t => t.Name);
        var domains = context.Model.Domains.ToDictionary(d => d.Name);
        DataType Base(DataType type)
        {
            for (var guard = 0; type.Kind == TypeKind.Domain && type.UserType != null && domains.TryGetValue(type.UserType, out var d) && guard < 16; guard++) type = d.BaseType;
            return type;
        }
        foreach (var t in context.Tables)
        {
            foreach (var fk in t.ForeignKeys)
            {
                if (!tables.TryGetValue(fk.ReferencedTable, out var target)) continue;
                for (var i = 0; i < fk.Columns.Count && i < fk.ReferencedColumns.Count; i++)
                {
                    if (t.FindColumn(fk.Columns[i]) is not { } local || target.FindColumn(fk.ReferencedColumns[i]) is not { } remote) continue;
                    var a = Base(local.Type);
                    var b = Base(remote.Type);
                    if (a.Kind == b.Kind && a.Length == b.Length && a.Precision == b.Precision && a.Scale == b.Scale && a.UserType == b.UserType && a.ArrayDimensions == b.ArrayDimensions) continue;
                    yield return context.OnColumn(this, settings, t, local, $"column {t.Name}.{local.Name} is {local.Type.Text} but references {target.Name}.{remote.Name} of type {remote.Type.Text}",
                        $"make {local.Name} {remote.Type.Text}");
                }
            }
        }
    }
}
