using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Dialects.SqlServer;
using SchemaFirst.Loading;
using SchemaFirst.Model;

namespace SchemaFirst.Tests.Generation;

/// <summary>
/// The same schema written by others for each engine is a cross-check no server is needed for: Chinook's SQL Server file,
/// read with Microsoft's T-SQL parser, and Chinook's PostgreSQL file give the same tables, columns, keys and foreign
/// keys once names and types are mapped; and T-SQL generated from the PostgreSQL source reads back to that source.
/// </summary>
public sealed class CrossEngineTests
{
    private const string Chinook = "chinook/ChinookDatabase/DataSources/";

    /// <summary>A name as the engines' conventions meet: Chinook's SQL Server file says AlbumId, its PostgreSQL file album_id.</summary>
    private static string Norm(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>The kind a column has once it is in SQL Server (an enum is NVARCHAR, JSON and arrays NVARCHAR(MAX)...).</summary>
    private static TypeKind InSqlServer(TypeKind kind) => kind switch
    {
        TypeKind.Enum or TypeKind.Interval or TypeKind.Network => TypeKind.VarChar,
        TypeKind.Json or TypeKind.Jsonb or TypeKind.Array => TypeKind.Text,
        TypeKind.TextSearch or TypeKind.Geometric or TypeKind.Range or TypeKind.Composite or TypeKind.User or TypeKind.Unknown => TypeKind.Text,
        _ => kind,
    };

    /// <summary>Every table, column (kind, length, precision, scale, nullability), primary key and foreign key, named the shared way.</summary>
    private static List<string> Shape(Database model, Func<TypeKind, TypeKind> kind, Database? domainsOf = null)
    {
        var domains = (domainsOf ?? model).Domains.ToDictionary(d => d.Name);
        var lines = new List<string>();
        foreach (var t in model.Tables.OrderBy(t => Norm(t.Name.Name), StringComparer.Ordinal))
        {
            lines.Add($"table {Norm(t.Name.Name)} pk({string.Join(",", t.PrimaryKey?.Columns.Select(Norm) ?? [])})");
            foreach (var c in t.Columns)
            {
                var type = c.Type;
                var notNull = c.NotNull;
                if (type.Kind == TypeKind.Domain && type.UserType != null && domains.TryGetValue(type.UserType, out var d))
                {
                    type = d.BaseType;
                    notNull |= d.NotNull;
                }
                var k = kind(type.Kind);
                var length = k is TypeKind.VarChar or TypeKind.Char && type.Kind is TypeKind.VarChar or TypeKind.Char ? type.Length : null;
                var numeric = k == TypeKind.Decimal ? $"({type.Precision},{type.Scale})" : string.Empty;
                lines.Add($"  {Norm(c.Name)} {k}{(length != null ? "(" + length + ")" : string.Empty)}{numeric}{(notNull ? " not null" : string.Empty)}");
            }
            foreach (var fk in t.ForeignKeys.OrderBy(f => string.Join(",", f.Columns.Select(Norm)), StringComparer.Ordinal))
            {
                lines.Add($"  fk ({string.Join(",", fk.Columns.Select(Norm))}) -> {Norm(fk.ReferencedTable.Name)} ({string.Join(",", fk.ReferencedColumns.Select(Norm))})");
            }
        }
        return lines;
    }

    [Fact]
    public void Chinooks_sql_server_file_and_its_postgresql_file_describe_the_same_schema()
    {
        if (!TestPaths.CorpusAvailable()) return;
        var tsql = SqlServerReader.Read([(Chinook + "Chinook_SqlServer.sql", File.ReadAllText(Path.Combine(TestPaths.Corpus, Chinook + "Chinook_SqlServer.sql")))]);
        Assert.DoesNotContain(tsql.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(11, tsql.Model.Tables.Count);
        Assert.Equal(11, tsql.Model.Tables.Sum(t => t.ForeignKeys.Count));
        Assert.True(tsql.Statistics.DataStatements > 0); // the data rows are counted, not modelled
        var pg = SqlSource.ParsePostgres(File.ReadAllText(Path.Combine(TestPaths.Corpus, Chinook + "Chinook_PostgreSql.sql"))).Model;
        Assert.Equal(Shape(pg, k => k), Shape(tsql.Model, k => k));
    }

    [Fact]
    public void Sakilas_sql_server_file_reads_with_no_error()
    {
        if (!TestPaths.CorpusAvailable()) return;
        var dir = Path.Combine(TestPaths.Corpus, "sakila_jooq", "sql-server-sakila-db");
        var file = Directory.GetFiles(dir, "*schema*.sql").Single();
        var tsql = SqlServerReader.Read([(file, File.ReadAllText(file))]);
        Assert.DoesNotContain(tsql.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(16, tsql.Model.Tables.Count);
    }

    [Fact]
    public void Tsql_generated_from_postgresql_reads_back_to_the_same_schema()
    {
        var sources = new List<(string, Database)> { ("examples", SqlSource.LoadPostgres([TestPaths.Examples]).Model) };
        if (TestPaths.CorpusAvailable())
        {
            sources.Add((Chinook + "Chinook_PostgreSql.sql", SqlSource.ParsePostgres(File.ReadAllText(Path.Combine(TestPaths.Corpus, Chinook + "Chinook_PostgreSql.sql"))).Model));
            sources.Add(("sakila", SqlSource.ParsePostgres(File.ReadAllText(Path.Combine(TestPaths.Corpus, "sakila_jooq/postgres-sakila-db/postgres-sakila-schema.sql"))).Model));
        }
        foreach (var (name, model) in sources)
        {
            var generated = SqlServerTarget.Instance.Generate(model, new SqlGenerationOptions());
            var back = SqlServerReader.Read([(name + ".sql", generated.Text)]);
            Assert.True(back.Diagnostics.All(d => d.Severity != Severity.Error), name + ": " + string.Join("\n", back.Diagnostics.Take(3).Select(d => d.Message)));
            // What SQL Server cannot hold as it is, as the notes say it is written: foreign keys left out are not expected back,
            // an enum is NVARCHAR as long as its longest label, text in a key NVARCHAR(450).
            var enums = model.Enums.ToDictionary(e => e.Name);
            DataType Expected(Table t, Column c)
            {
                if (c.Type.Kind == TypeKind.Enum && c.Type.UserType != null && enums.TryGetValue(c.Type.UserType, out var e)) return new DataType(TypeKind.VarChar, "nvarchar", Length: e.Labels.Max(l => l.Length));
                if (generated.Notes.Any(n => n.Message.StartsWith($"column {t.Name}.{QualifiedName.Display(c.Name)}: text in a key", StringComparison.Ordinal))) return new DataType(TypeKind.VarChar, "nvarchar", Length: 450);
                return c.Type;
            }
            var expected = model with
            {
                Tables = model.Tables.Select(t => t with
                {
                    Columns = t.Columns.Select(c => c with { Type = Expected(t, c) }).ToEquatableArray(),
                    ForeignKeys = t.ForeignKeys.Where(fk => !generated.Notes.Any(n => n.Message.Contains(fk.Name + " references", StringComparison.Ordinal))).ToEquatableArray(),
                }).ToEquatableArray(),
            };
            Assert.Equal(Shape(expected, InSqlServer), Shape(back.Model, k => k, model));
        }
    }
}
