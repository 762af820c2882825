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
    private static List<string> Shape(Database model, Func<TypeKind, TypeKind> kind, Database? domainsOf = null, Func<DataType, DataType>? map = null)
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
                if (map != null) type = map(type);
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

    /// <summary>A column's type as SchemaFirst writes it for Oracle and reads it back (NUMBER by precision, CLOB, VARCHAR2...).</summary>
    private static DataType InOracle(DataType t, Database model)
    {
        DataType Number(int p, int s) => s == 0 && p <= 19 ? new DataType(p <= 5 ? TypeKind.SmallInt : p <= 10 ? TypeKind.Integer : TypeKind.BigInt, "number") : new DataType(TypeKind.Decimal, "number", Precision: p, Scale: s);
        return t.Kind switch
        {
            TypeKind.Decimal when t.Precision is { } p => Number(Math.Min(p, 38), t.Scale ?? 0),
            TypeKind.Money => Number(19, 2),
            TypeKind.Boolean or TypeKind.Bit => new DataType(TypeKind.SmallInt, "number"),
            TypeKind.VarChar when t.Length is > 4000 or null => new DataType(TypeKind.Text, "clob"),
            TypeKind.Time => new DataType(TypeKind.Interval, "interval"),
            TypeKind.Json or TypeKind.Jsonb or TypeKind.Array => new DataType(TypeKind.Text, "clob"),
            TypeKind.Uuid => new DataType(TypeKind.VarChar, "varchar2", Length: 36),
            TypeKind.Network => new DataType(TypeKind.VarChar, "varchar2", Length: 64),
            TypeKind.Enum when model.Enums.FirstOrDefault(e => e.Name == t.UserType) is { } e => new DataType(TypeKind.VarChar, "varchar2", Length: e.Labels.Max(l => l.Length)),
            TypeKind.TextSearch or TypeKind.Geometric or TypeKind.Range or TypeKind.Composite or TypeKind.User or TypeKind.Unknown => new DataType(TypeKind.Text, "clob"),
            _ => t,
        };
    }

    /// <summary>Chinook's Oracle file writes every number as NUMBER and every timestamp as DATE: the families it compares in.</summary>
    private static TypeKind OracleFamily(TypeKind k) => k switch
    {
        TypeKind.SmallInt or TypeKind.Integer or TypeKind.BigInt or TypeKind.Decimal => TypeKind.Decimal,
        TypeKind.Timestamp => TypeKind.Date,
        _ => k,
    };

    [Fact]
    public void Chinooks_oracle_file_and_its_postgresql_file_describe_the_same_schema()
    {
        if (!TestPaths.CorpusAvailable()) return;
        var oracle = SchemaFirst.Dialects.Oracle.OracleReader.Read([(Chinook + "Chinook_Oracle.sql", File.ReadAllText(Path.Combine(TestPaths.Corpus, Chinook + "Chinook_Oracle.sql")))]);
        Assert.DoesNotContain(oracle.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(11, oracle.Model.Tables.Count);
        Assert.Equal(11, oracle.Model.Tables.Sum(t => t.ForeignKeys.Count));
        var pg = SqlSource.ParsePostgres(File.ReadAllText(Path.Combine(TestPaths.Corpus, Chinook + "Chinook_PostgreSql.sql"))).Model;
        // NUMBER has no precision in that file: numbers compare as numbers, without their precision.
        static List<string> Loose(List<string> shape) => shape.Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"Decimal\(\d*,\d*\)", "Decimal")).ToList();
        Assert.Equal(Loose(Shape(pg, OracleFamily)), Loose(Shape(oracle.Model, OracleFamily)));
    }

    [Fact]
    public void Sakilas_oracle_file_reads_with_its_tables_and_keeps_its_plsql()
    {
        if (!TestPaths.CorpusAvailable()) return;
        var file = Path.Combine(TestPaths.Corpus, "sakila_jooq", "oracle-sakila-db", "oracle-sakila-schema.sql");
        var oracle = SchemaFirst.Dialects.Oracle.OracleReader.Read([(file, File.ReadAllText(file))]);
        Assert.DoesNotContain(oracle.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(16, oracle.Model.Tables.Count);
        // Triggers are PL/SQL: kept verbatim and reported, never dropped.
        Assert.Equal(oracle.Model.Opaque.Count, oracle.Diagnostics.Count(d => d.Code == DiagnosticCodes.UnsupportedStatement));
    }

    [Fact]
    public void Oracle_ddl_generated_from_postgresql_reads_back_to_the_same_schema()
    {
        var sources = new List<(string, Database)> { ("examples", SqlSource.LoadPostgres([TestPaths.Examples]).Model) };
        if (TestPaths.CorpusAvailable())
        {
            sources.Add(("chinook", SqlSource.ParsePostgres(File.ReadAllText(Path.Combine(TestPaths.Corpus, Chinook + "Chinook_PostgreSql.sql"))).Model));
            sources.Add(("sakila", SqlSource.ParsePostgres(File.ReadAllText(Path.Combine(TestPaths.Corpus, "sakila_jooq/postgres-sakila-db/postgres-sakila-schema.sql"))).Model));
            sources.Add(("danbooru", SqlSource.ParsePostgres(File.ReadAllText(Path.Combine(TestPaths.Corpus, "danbooru/db/structure.sql"))).Model));
        }
        foreach (var (name, model) in sources)
        {
            var generated = SchemaFirst.Dialects.Oracle.OracleTarget.Instance.Generate(model, new SqlGenerationOptions());
            var back = SchemaFirst.Dialects.Oracle.OracleReader.Read([(name + ".sql", generated.Text)]);
            Assert.True(back.Diagnostics.All(d => d.Severity != Severity.Error), name + ": " + string.Join("\n", back.Diagnostics.Take(3).Select(d => d.Location + " " + d.Message)));
            Assert.Empty(back.Model.Opaque);
            var keyText = generated.Notes.Where(n => n.Message.Contains(": text in a key or index is VARCHAR2(1000 CHAR)", StringComparison.Ordinal)).Select(n => n.Message).ToHashSet();
            var expected = model with
            {
                Tables = model.Tables.Select(t => t with
                {
                    Columns = t.Columns.Select(c => keyText.Any(k => k.StartsWith($"column {t.Name}.{QualifiedName.Display(c.Name)}:", StringComparison.Ordinal))
                        ? c with { Type = new DataType(TypeKind.VarChar, "varchar2", Length: 1000) } : c).ToEquatableArray(),
                    ForeignKeys = t.ForeignKeys.Where(fk => !generated.Notes.Any(n => n.Message.Contains(fk.Name + " references", StringComparison.Ordinal))).ToEquatableArray(),
                }).ToEquatableArray(),
            };
            Assert.Equal(Shape(expected, k => k, null, t => InOracle(t, model)), Shape(back.Model, k => k, model));
            Assert.Equal(model.Tables.Sum(t => t.Columns.Count(c => c.Comment != null)), back.Model.Tables.Sum(t => t.Columns.Count(c => c.Comment != null)));
        }
    }
}

/// <summary>--source-dialect sqlserver and oracle: validate, docs and typed code read T-SQL and Oracle source files.</summary>
public sealed class ReaderDialectCommandTests
{
    [Theory]
    [InlineData("sqlserver", "chinook/ChinookDatabase/DataSources/Chinook_SqlServer.sql", 11, 11)]
    [InlineData("oracle", "chinook/ChinookDatabase/DataSources/Chinook_Oracle.sql", 11, 11)]
    [InlineData("sqlserver", "sakila_jooq/sql-server-sakila-db/sql-server-sakila-schema.sql", 16, 22)]
    public void Validate_and_types_read_another_engines_files(string dialect, string file, int tables, int foreignKeys)
    {
        if (!TestPaths.CorpusAvailable()) return;
        var path = Path.Combine(TestPaths.Corpus, file);
        var (code, stdout, stderr) = Cli.CliRunner.Run("validate", path, "--source-dialect", dialect);
        Assert.True(code == 0, stderr);
        Assert.Contains($"tables                               {tables}\n", stdout.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"foreign keys                         {foreignKeys}\n", stdout.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("error", stderr, StringComparison.Ordinal);
        var types = Cli.CliRunner.Run("generate", "types", path, "--source-dialect", dialect, "--lang", "csharp", "--namespace", "Chinook");
        Assert.True(types.Code == 0, types.Err);
        var (problems, _) = Types.CSharpCompiler.Compile("Chinook", types.Out);
        Assert.Empty(problems);
    }
}

/// <summary>MySQL and MariaDB source files: the corpus' own, read with the client's splitting (DELIMITER honoured).</summary>
public sealed class MySqlReaderTests
{
    [Fact]
    public void Sakilas_mysql_file_reads_with_the_counts_mariadb_has_after_applying_it()
    {
        if (!TestPaths.CorpusAvailable()) return;
        var file = Path.Combine(TestPaths.Corpus, "sakila_jooq/mysql-sakila-db/mysql-sakila-schema.sql");
        var load = SchemaFirst.Dialects.MySql.MySqlReader.Read([(file, File.ReadAllText(file))]);
        Assert.DoesNotContain(load.Diagnostics, d => d.Severity == Diagnostics.Severity.Error);
        // MANIFEST.md: 16 tables, 7 views, 6 routines, 3 triggers, 22 foreign keys, a FULLTEXT index.
        Assert.Equal(16, load.Model.Tables.Count);
        Assert.Equal(7, load.Model.Views.Count);
        Assert.Equal(3, load.Model.Triggers.Count);
        Assert.Equal(22, load.Model.Tables.Sum(t => t.ForeignKeys.Count));
        // The routines, each whole under its name, without the DEFINER (it names an account of the server that made it).
        Assert.Equal(["film_in_stock", "film_not_in_stock", "rewards_report"], load.Model.Routines.Where(r => r.Kind == Model.RoutineKind.Procedure).Select(r => r.Name.Name).Order(StringComparer.Ordinal));
        Assert.Equal(3, load.Model.Routines.Count(r => r.Kind == Model.RoutineKind.Function));
        Assert.All(load.Model.Routines, r => Assert.DoesNotContain("DEFINER=", r.Definition, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(load.Model.Opaque);
        // What a MySQL-to-MySQL plan must keep: ON UPDATE, the engine and charset, the implicit foreign-key indexes.
        var actor = load.Model.Tables.Single(t => t.Name.Name == "actor");
        Assert.Equal("CURRENT_TIMESTAMP", actor.FindColumn("last_update")!.OnUpdate);
        Assert.Equal("ENGINE=InnoDB DEFAULT CHARSET=utf8", actor.Options);
        Assert.Contains(load.Model.Indexes, i => i.Method == "fulltext");
        var film = load.Model.Tables.Single(t => t.Name.Name == "film");
        Assert.Equal(Model.TypeKind.Enum, film.FindColumn("rating")!.Type.Kind); // ENUM('G','PG',...) as an enum type
        Assert.Contains(load.Model.Enums, e => e.Name.Name == "film_rating" && e.Labels.Contains("NC-17"));
        Assert.NotNull(film.FindColumn("film_id")!.Identity); // AUTO_INCREMENT
    }

    [Fact]
    public void Chinooks_mysql_file_and_its_postgresql_file_give_the_same_tables_and_keys()
    {
        if (!TestPaths.CorpusAvailable()) return;
        const string dir = "chinook/ChinookDatabase/DataSources/";
        var mysql = SchemaFirst.Dialects.MySql.MySqlReader.Read([(dir + "Chinook_MySql.sql", File.ReadAllText(Path.Combine(TestPaths.Corpus, dir + "Chinook_MySql.sql")))]);
        Assert.DoesNotContain(mysql.Diagnostics, d => d.Severity == Diagnostics.Severity.Error);
        Assert.Equal(11, mysql.Model.Tables.Count);
        Assert.Equal(11, mysql.Model.Tables.Sum(t => t.ForeignKeys.Count));
        var pg = SqlSource.ParsePostgres(File.ReadAllText(Path.Combine(TestPaths.Corpus, dir + "Chinook_PostgreSql.sql"))).Model;
        static string Norm(string n) => n.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        static List<string> Keys(Model.Database m) => m.Tables.SelectMany(t => new[] { $"{Norm(t.Name.Name)} pk({string.Join(",", t.PrimaryKey!.Columns.Select(Norm))}) columns {t.Columns.Count}" }
            .Concat(t.ForeignKeys.Select(fk => $"{Norm(t.Name.Name)} fk({string.Join(",", fk.Columns.Select(Norm))}) -> {Norm(fk.ReferencedTable.Name)}"))).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Keys(pg), Keys(mysql.Model));
    }
}
