using SchemaFirst.Model;

namespace SchemaFirst.Lint.Rules;

/// <summary>KY102: single-column primary keys use a type from the configured set.</summary>
public sealed class PrimaryKeyTypeRule : SchemaRule
{
    public override string Code => "KY102";
    public override bool AppliesTo(string dialect) => dialect == "postgres";
    public override string Name => "primary-key-type";
    public override string Summary => "A single-column primary key has a type from the configured set (bigint and uuid by default).";
    public override string Why => "An integer key runs out at 2,147,483,647 rows (or inserts, since sequences skip), and widening a key that other tables reference later rewrites all of them under a lock. Choosing bigint or uuid up front costs four bytes a row.";
    public override string Bad => "CREATE TABLE orders (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY);";
    public override string Good => "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);";
    public override string Fix => "use bigint (or uuid) for the key and for the columns that reference it";
    public override IReadOnlyList<(string Name, string Default, string Meaning)> Options => [("types", "bigint, uuid", "accepted key types: smallint, integer, bigint, uuid, text, varchar, ...")];

    public static string KindName(DataType type) => type.Kind switch
    {
        TypeKind.SmallInt => "smallint",
        TypeKind.Integer => "integer",
        TypeKind.BigInt => "bigint",
        TypeKind.Uuid => "uuid",
        TypeKind.Text => "text",
        TypeKind.VarChar => "varchar",
        TypeKind.Char => "char",
        TypeKind.Decimal => "numeric",
        _ => type.Text.ToLowerInvariant(),
    };

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        var accepted = settings.List("types", ["bigint", "uuid"]).Select(t => t.ToLowerInvariant() switch { "int" or "int4" => "integer", "int8" => "bigint", "int2" => "smallint", var x => x }).ToHashSet();
        foreach (var t in context.Tables)
        {
            if (t.PrimaryKey is not { Columns.Count: 1 } pk || t.FindColumn(pk.Columns[0]) is not { } c) continue;
            if (c.Type.ArrayDimensions > 0 || accepted.Contains(KindName(c.Type))) continue;
            yield return context.OnColumn(this, settings, t, c, $"primary key {t.Name}.{c.Name} is {c.Type.Text}; keys here are {string.Join(" or ", accepted.Order(StringComparer.Ordinal))}");
        }
    }
}
