using System.Reflection;
using Microsoft.Data.Sqlite;
using Npgsql;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Dialects.Sqlite;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Rendering.Types;
using SchemaFirst.Seeding;
using SchemaFirst.Tests;
using SchemaFirst.Tests.Seeding;
using SchemaFirst.Tests.Types;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// Seeds and typed code against real engines: the idempotent seed SQL applied twice leaves the same rows on PostgreSQL
/// 15 and SQLite (the examples and the corpus' own data); and the generated C# records, compiled, read every row of a
/// seeded database through Npgsql with the types the generator chose.
/// </summary>
public sealed class SeedAndTypesTests
{
    private static Database Examples() => SqlSource.LoadPostgres([TestPaths.Examples]).Model;

    private static IReadOnlyList<(string, string)> ExampleSeeds() =>
        Directory.GetFiles(Path.Combine(TestPaths.Root, "examples", "seed"), "*.sql").Order(StringComparer.Ordinal).Select(p => (p, File.ReadAllText(p))).ToList();

    private static string Seed(Database model, IReadOnlyList<(string, string)> files, string dialect, string defaultSchema)
    {
        var set = SeedReader.Read(files, model, defaultSchema);
        Assert.False(set.HasErrors, string.Join("\n", set.Diagnostics.Select(d => d.Message)));
        return SeedWriter.Write(set, model, dialect).Text;
    }

    /// <summary>Each table's row count and a digest of its rows, in a stable order.</summary>
    private static async Task<string> DigestAsync(TestDatabase db, Database model)
    {
        await using var conn = new NpgsqlConnection(PostgresServer.ConnectionString(db.Name));
        await conn.OpenAsync();
        var sb = new System.Text.StringBuilder();
        foreach (var t in model.Tables.OrderBy(t => t.Name))
        {
            var name = PostgresQuoting.Name(t.Name);
            await using var cmd = new NpgsqlCommand($"SELECT count(*), md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM {name} x", conn);
            await using var r = await cmd.ExecuteReaderAsync();
            await r.ReadAsync();
            sb.Append(t.Name).Append(' ').Append(r.GetInt64(0)).Append(' ').Append(r.GetString(1)).Append('\n');
        }
        return sb.ToString();
    }

    [PostgresFact]
    public async Task The_example_seeds_applied_twice_leave_the_same_rows_and_the_sequences_ahead()
    {
        var model = Examples();
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync(PostgresSqlGenerator.Generate(model));
        var seed = Seed(model, ExampleSeeds(), "postgres", "public");
        await db.ExecuteAsync(seed);
        var first = await DigestAsync(db, model);
        Assert.Contains("shop.customers 2 ", first, StringComparison.Ordinal);
        Assert.Contains("shop.product_reviews 1 ", first, StringComparison.Ordinal);
        await db.ExecuteAsync(seed);
        Assert.Equal(first, await DigestAsync(db, model));
        // The identity sequences were moved past the seeded ids: the application's next insert gets a new id.
        await db.ExecuteAsync("INSERT INTO shop.customers (email, full_name) VALUES ('new@example.com', 'New')");
        await db.ExecuteAsync("INSERT INTO shop.warehouses (code, name, country_code) VALUES ('MAD-1', 'Madrid', 'ES')");
    }

    [PostgresFact]
    public async Task The_corpus_data_as_seeds_applied_twice_gives_the_corpus_rows_once()
    {
        if (!TestPaths.CorpusAvailable()) return;
        foreach (var (file, rows) in new[] { ("chinook/ChinookDatabase/DataSources/Chinook_PostgreSql.sql", 15607L), ("northwind_psql/northwind.sql", 3362L) })
        {
            var text = File.ReadAllText(Path.Combine(TestPaths.Corpus, file));
            var model = SqlSource.ParsePostgres(text, file).Model;
            await using var db = await PostgresServer.CreateDatabaseAsync();
            await db.ExecuteAsync(PostgresSqlGenerator.Generate(model));
            var seed = Seed(model, [(file, CorpusInserts.Of(text, file))], "postgres", "public");
            await db.ExecuteAsync(seed);
            var first = await DigestAsync(db, model);
            Assert.Equal(rows, first.Split('\n', StringSplitOptions.RemoveEmptyEntries).Sum(l => long.Parse(l.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)));
            await db.ExecuteAsync(seed);
            Assert.Equal(first, await DigestAsync(db, model));
        }
    }

    private static string SqliteDigest(string file, IEnumerable<string> tables)
    {
        using var conn = new SqliteConnection($"Data Source={file};Pooling=False");
        conn.Open();
        var sb = new System.Text.StringBuilder();
        foreach (var t in tables)
        {
            using var cmd = new SqliteCommand($"SELECT * FROM \"{t}\" ORDER BY 1", conn);
            using var r = cmd.ExecuteReader();
            var n = 0;
            while (r.Read())
            {
                n++;
                for (var i = 0; i < r.FieldCount; i++) sb.Append(r.IsDBNull(i) ? "NULL" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                sb.Append('\n');
            }
            sb.Append(t).Append(": ").Append(n).Append(" rows\n");
        }
        return sb.ToString();
    }

    private static void SqliteExec(string file, string sql)
    {
        using var conn = new SqliteConnection($"Data Source={file};Pooling=False");
        conn.Open();
        using (var pragma = new SqliteCommand("PRAGMA foreign_keys = ON", conn)) pragma.ExecuteNonQuery();
        using var cmd = new SqliteCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void Seeds_applied_twice_leave_the_same_rows_on_sqlite()
    {
        var dir = Directory.CreateTempSubdirectory("sf-seed-sqlite-").FullName;
        try
        {
            // The examples, written from PostgreSQL for SQLite: booleans as 1/0, strings re-quoted.
            var model = Examples();
            var file = Path.Combine(dir, "shop.db");
            SqliteExec(file, SqliteDialect.Instance.Generate(model, new Dialects.SqlGenerationOptions(false)).Text);
            var seed = Seed(model, ExampleSeeds(), "sqlite", "public");
            SqliteExec(file, seed);
            var tables = model.Tables.Select(t => t.Name.Name).Order(StringComparer.Ordinal).ToList();
            var first = SqliteDigest(file, tables);
            Assert.Contains("customers: 2 rows", first, StringComparison.Ordinal);
            Assert.Contains("product_reviews: 1 rows", first, StringComparison.Ordinal);
            SqliteExec(file, seed);
            Assert.Equal(first, SqliteDigest(file, tables));

            // The corpus' SQLite Chinook, its data as seeds.
            if (!TestPaths.CorpusAvailable()) return;
            const string chinook = "chinook/ChinookDatabase/DataSources/Chinook_Sqlite.sql";
            var text = File.ReadAllText(Path.Combine(TestPaths.Corpus, chinook));
            var sqliteModel = SqlSource.ParseSqlite(text, chinook).Model;
            var chinookFile = Path.Combine(dir, "chinook.db");
            SqliteExec(chinookFile, SqliteDialect.Instance.Generate(sqliteModel, new Dialects.SqlGenerationOptions(false)).Text);
            var chinookSeed = Seed(sqliteModel, [(chinook, CorpusInserts.Of(text, chinook))], "sqlite", "main");
            SqliteExec(chinookFile, chinookSeed);
            var chinookTables = sqliteModel.Tables.Select(t => t.Name.Name).ToList();
            var once = SqliteDigest(chinookFile, chinookTables);
            Assert.Contains("Track: 3503 rows", once, StringComparison.Ordinal);
            SqliteExec(chinookFile, chinookSeed);
            Assert.Equal(once, SqliteDigest(chinookFile, chinookTables));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }
    }

    [PostgresFact]
    public async Task The_generated_records_read_every_row_of_a_seeded_database_through_npgsql()
    {
        var cases = new List<(string Name, Database Model, string Seed)>
        {
            ("examples", Examples(), Seed(Examples(), ExampleSeeds(), "postgres", "public")),
        };
        if (TestPaths.CorpusAvailable())
        {
            foreach (var file in new[] { "chinook/ChinookDatabase/DataSources/Chinook_PostgreSql.sql", "northwind_psql/northwind.sql" })
            {
                var text = File.ReadAllText(Path.Combine(TestPaths.Corpus, file));
                var model = SqlSource.ParsePostgres(text, file).Model;
                cases.Add((file, model, Seed(model, [(file, CorpusInserts.Of(text, file))], "postgres", "public")));
            }
        }
        foreach (var (name, model, seed) in cases)
        {
            await using var db = await PostgresServer.CreateDatabaseAsync();
            await db.ExecuteAsync(PostgresSqlGenerator.Generate(model));
            await db.ExecuteAsync(seed);
            foreach (var v in model.Views.Where(v => v.Materialized)) await db.ExecuteAsync("REFRESH MATERIALIZED VIEW " + PostgresQuoting.Name(v.Name));
            var (problems, bytes) = CSharpCompiler.Compile("Rows", CSharpTypesWriter.Write(model, "public", new TypesOptions("Rows.Data")));
            Assert.True(problems.Count == 0, name + ": " + string.Join("\n", problems.Take(5)));
            var assembly = CSharpCompiler.Load(bytes!);
            var read = await ReadAllAsync(db, model, assembly);
            Assert.True(read > 0, name + ": no rows were read");
        }
    }

    /// <summary>
    /// Reads every table and view into its record, each column with GetFieldValue of the property's own type (an enum
    /// as its label through the generated Parse); a NOT NULL column never comes back null. Returns the rows read.
    /// </summary>
    private static async Task<int> ReadAllAsync(TestDatabase db, Database model, Assembly assembly)
    {
        // Enum labels read as text: Npgsql asks for that to be allowed (EnableUnmappedTypes), as the README says.
        var builder = new NpgsqlDataSourceBuilder(PostgresServer.ConnectionString(db.Name));
        builder.EnableUnmappedTypes();
        await using var source = builder.Build();
        await using var conn = await source.OpenConnectionAsync();
        // Records name their relation with [Table] and their columns with [Column]: every relation has one.
        var records = assembly.GetTypes().Select(t => (Type: t, Table: t.GetCustomAttribute<System.ComponentModel.DataAnnotations.Schema.TableAttribute>()))
            .Where(x => x.Table != null).ToDictionary(x => new QualifiedName(x.Table!.Schema!, x.Table.Name), x => x.Type);
        var relations = model.Tables.Where(t => t.PartitionOf == null).Select(t => t.Name).Concat(model.Views.Select(v => v.Name)).Order().ToList();
        Assert.Equal(relations, records.Keys.Order().ToList());
        var rows = 0;
        var getFieldValue = typeof(System.Data.Common.DbDataReader).GetMethod(nameof(System.Data.Common.DbDataReader.GetFieldValue))!;
        foreach (var relation in relations)
        {
            var record = records[relation];
            var byColumn = record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .ToDictionary(p => p.GetCustomAttribute<System.ComponentModel.DataAnnotations.Schema.ColumnAttribute>()!.Name!, p => p);
            await using var cmd = new NpgsqlCommand($"SELECT * FROM {PostgresQuoting.Name(relation)} LIMIT 200", conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            Assert.Equal(reader.FieldCount, byColumn.Count);
            var nullability = new NullabilityInfoContext();
            while (await reader.ReadAsync())
            {
                var instance = Activator.CreateInstance(record)!;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var p = byColumn[reader.GetName(i)];
                    var nullable = nullability.Create(p).WriteState == NullabilityState.Nullable;
                    if (await reader.IsDBNullAsync(i))
                    {
                        Assert.True(nullable, $"{relation}.{reader.GetName(i)} is NULL but {record.Name}.{p.Name} is not nullable");
                        continue;
                    }
                    var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
                    object value;
                    if (type.IsEnum)
                    {
                        var label = reader.GetFieldValue<string>(i);
                        value = assembly.GetTypes().Single(t => t.Name == type.Name + "Sql").GetMethod("Parse")!.Invoke(null, [label])!;
                    }
                    else if (type == typeof(object))
                    {
                        value = reader.GetValue(i);
                    }
                    else
                    {
                        try
                        {
                            value = getFieldValue.MakeGenericMethod(type).Invoke(reader, [i])!;
                        }
                        catch (TargetInvocationException e)
                        {
                            throw new InvalidOperationException($"{relation}.{reader.GetName(i)} ({reader.GetDataTypeName(i)}) does not read as {type.Name}: {e.InnerException?.Message}");
                        }
                    }
                    p.SetValue(instance, value);
                }
                rows++;
            }
        }
        return rows;
    }
}
