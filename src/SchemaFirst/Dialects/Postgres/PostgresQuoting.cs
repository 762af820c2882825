using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

/// <summary>
/// Represents how PostgreSQL SQL text spells names and strings; every identifier the PostgreSQL generator, parser and
/// inspector write goes through here. Names are double-quoted only where PostgreSQL needs it (not a plain lower-case
/// word, or a reserved keyword), as <c>quote_ident</c> and pg_dump write them.
/// </summary>
internal static class PostgresQuoting
{
    public static string Quote(string name) => CanonicalIdentifier.Quote(name);

    /// <summary>A schema-qualified name, each part quoted where needed.</summary>
    public static string Name(QualifiedName name) => Quote(name.Schema) + "." + Quote(name.Name);

    /// <summary>A column of a table: <c>schema.table.column</c>, each part quoted where needed.</summary>
    public static string Column(ColumnRef column) => Name(column.Table) + "." + Quote(column.Column);

    /// <summary>A dotted name such as a collation (<c>pg_catalog.C</c>), each part quoted where needed.</summary>
    public static string Dotted(string dotted) => string.Join(".", dotted.Split('.').Select(Quote));

    /// <summary>A string literal: single quotes, embedded quotes doubled (standard_conforming_strings is on).</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
