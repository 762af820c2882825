namespace SchemaFirst.Tests.Cli;

/// <summary>init and check: a project started from nothing, and the one command CI runs over it.</summary>
public sealed class ProjectCommandsTests : TempDirectoryTest
{
    [Fact]
    public void Init_starts_a_project_that_validates_and_never_overwrites_one()
    {
        var (code, stdout, err) = CliRunner.RunIn(Dir, "init");
        Assert.True(code == 0, err);
        Assert.Contains("schemafirst.yaml", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Dir, "schema", "001_first_table.sql")));
        var validate = CliRunner.RunIn(Dir, "validate");
        Assert.True(validate.Code == 0, validate.Err);
        Assert.Contains("tables                                1", validate.Out, StringComparison.Ordinal);
        var again = CliRunner.RunIn(Dir, "init");
        Assert.Equal(3, again.Code);
        Assert.Contains("already exists", again.Err, StringComparison.Ordinal);
        File.Delete(Path.Combine(Dir, "schemafirst.yaml"));
        var overSql = CliRunner.RunIn(Dir, "init");
        Assert.Equal(3, overSql.Code);
        Assert.Contains("never overwrites", overSql.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Dir, "schemafirst.yaml")));
    }

    [Fact]
    public void Init_from_a_sqlite_database_writes_files_that_read_back_to_it()
    {
        var db = Path.Combine(Dir, "app.db");
        var create = CliRunner.RunIn(Dir, "generate", "sql", Write("src.sql", "CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\nCREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES authors (id), title TEXT NOT NULL);\nCREATE INDEX books_author ON books (author_id);\n"),
            "--source-dialect", "sqlite", "--dialect", "sqlite", "--into", "sqlite:///" + db);
        Assert.True(create.Code == 0, create.Err);
        File.Delete(Path.Combine(Dir, "src.sql"));
        var (code, _, err) = CliRunner.RunIn(Dir, "init", "--from", "sqlite:///" + db);
        Assert.True(code == 0, err);
        Assert.Contains("dialect: sqlite", File.ReadAllText(Path.Combine(Dir, "schemafirst.yaml")), StringComparison.Ordinal);
        var drift = CliRunner.RunIn(Dir, "drift", "--env", "source");
        Assert.True(drift.Code == 0, drift.Out + drift.Err);
    }

    [Fact]
    public void Check_names_each_stale_artifact_passes_once_regenerated_and_fails_on_errors()
    {
        Write("schema/app.sql", "CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, price numeric(10,2));\n");
        Write("seed/items.sql", "INSERT INTO items (id, name, price) VALUES (1, 'Tea', 3.50);\n");
        Write("schemafirst.yaml", "schema: [schema/]\nsql: { dialect: sqlite, out: build/schema.sql }\ntypes: { csharp: { namespace: App.Data, out: gen/Schema.g.cs }, typescript: { out: gen/db.ts } }\nseed: { out: build/seed.sql }\ncompose: { out: docker-compose.yml }\n");
        var first = CliRunner.RunIn(Dir, "check");
        Assert.Equal(2, first.Code);
        Assert.Contains("STALE  generate types --lang csharp", first.Out, StringComparison.Ordinal);
        Assert.Contains("gen/Schema.g.cs: missing", first.Out, StringComparison.Ordinal);
        Assert.Contains("schemafirst check: 7 step(s), 2 ok, 5 stale, 0 failed", first.Out, StringComparison.Ordinal);
        foreach (var args in new[] { new[] { "generate", "sql", "schema/", "--dialect", "sqlite", "-o", "build/schema.sql" }, ["generate", "types"], ["generate", "seed"], ["generate", "compose"] })
        {
            var run = CliRunner.RunIn(Dir, args);
            Assert.True(run.Code == 0, string.Join(' ', args) + ": " + run.Err);
        }
        var clean = CliRunner.RunIn(Dir, "check");
        Assert.True(clean.Code == 0, clean.Out);
        Assert.Contains("schemafirst check: 7 step(s), 7 ok, 0 stale, 0 failed", clean.Out, StringComparison.Ordinal);
        // An edited source makes every derived file stale until regenerated.
        File.AppendAllText(Path.Combine(Dir, "schema", "app.sql"), "ALTER TABLE items ADD COLUMN sku text;\n");
        var edited = CliRunner.RunIn(Dir, "check");
        Assert.Equal(2, edited.Code);
        Assert.Contains("gen/db.ts: out of date", edited.Out, StringComparison.Ordinal);
        // An error in the source is a failure (exit 1), named with its place.
        File.AppendAllText(Path.Combine(Dir, "schema", "app.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, item_id bigint REFERENCES itemz (id));\n");
        var broken = CliRunner.RunIn(Dir, "check");
        Assert.Equal(1, broken.Code);
        Assert.Contains("FAILED validate", broken.Out, StringComparison.Ordinal);
        Assert.Contains("schema/app.sql:3:", broken.Out.Replace('\\', '/'), StringComparison.Ordinal);
    }
}
