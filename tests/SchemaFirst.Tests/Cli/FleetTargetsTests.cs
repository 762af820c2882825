using SchemaFirst.Project;

namespace SchemaFirst.Tests.Cli;

/// <summary>
/// The target list of <c>apply --targets</c> and <c>drift --targets</c>: what it accepts, and what is wrong with it at its
/// line and column, before any database is reached.
/// </summary>
public sealed class FleetTargetsTests : TempDirectoryTest
{
    [Fact]
    public void Every_kind_of_entry_is_read_with_its_fields()
    {
        var (list, error) = TargetList.Parse("""
            targets:
              - url: postgres://app@db1/shop_eu
              - name: acme
                url: ${ACME_URL}
              - url: postgres://app@db1/tenants
                schema: tenant_b
              - url: postgres://app@db1/postgres
                query: SELECT datname FROM pg_database WHERE datname LIKE 'tenant%'
              - url: postgres://app@db1/tenants
                query: SELECT nspname FROM pg_namespace
                each: schema
            """, "targets.yaml");
        Assert.Null(error);
        Assert.Equal(5, list!.Entries.Count);
        Assert.Equal(("acme", "${ACME_URL}"), (list.Entries[1].Name, list.Entries[1].Url));
        Assert.Equal("tenant_b", list.Entries[2].Schema);
        Assert.Equal(("database", "schema"), (list.Entries[3].Each, list.Entries[4].Each));
        Assert.Equal(9, list.Entries[4].At.Line);
    }

    [Theory]
    [InlineData("targets:\n  - url: postgres://a@h/d\n    port: 5432\n", "targets.yaml:3:5", "unknown key 'port'")]
    [InlineData("targets:\n  - name: x\n", "targets.yaml:2:5", "has no 'url'")]
    [InlineData("targets:\n  - url: postgres://a@h/d\n    each: schema\n", "targets.yaml:2:5", "'each' goes with 'query'")]
    [InlineData("targets:\n  - url: postgres://a@h/d\n    query: SELECT 1\n    each: tenant\n", "targets.yaml:2:5", "'each' is database or schema")]
    [InlineData("targets:\n  - url: postgres://a@h/d\n    query: SELECT 1\n    schema: s\n", "targets.yaml:2:5", "takes no 'name' or 'schema'")]
    [InlineData("targets: []\n", "targets.yaml:1:10", "lists no targets")]
    [InlineData("targets: postgres://a@h/d\n", "targets.yaml:1:10", "must be a list")]
    [InlineData("hosts:\n  - url: postgres://a@h/d\n", "targets.yaml:1:1", "unknown key 'hosts'")]
    [InlineData("targets:\n  - url: [postgres://a@h/d\n", "targets.yaml:", "is not valid YAML")]
    [InlineData("targets:\n  - postgres://a@h/d\n", "targets.yaml:2:5", "each target is a mapping")]
    [InlineData("", "targets.yaml:", "has no 'targets:' list")]
    public void A_malformed_list_is_an_error_at_its_line_and_column(string text, string at, string what)
    {
        var (list, error) = TargetList.Parse(text, "targets.yaml");
        Assert.Null(list);
        Assert.StartsWith(at, error!.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fleet_options_are_refused_without_a_target_list_and_a_list_is_refused_with_db()
    {
        var schema = Write("schema.sql", "CREATE TABLE t (id integer PRIMARY KEY);");
        var targets = Write("targets.yaml", "targets:\n  - url: postgres://app@127.0.0.1:1/shop\n");
        var (code, _, stderr) = CliRunner.Run("apply", schema, "--db", "postgres://app@127.0.0.1:1/shop", "--parallel", "8", "--auto-approve");
        Assert.Equal(3, code);
        Assert.Contains("go with --targets", stderr, StringComparison.Ordinal);
        (code, _, stderr) = CliRunner.Run("apply", schema, "--targets", targets, "--db", "postgres://app@127.0.0.1:1/shop", "--auto-approve");
        Assert.Equal(3, code);
        Assert.Contains("leave out --db and --env", stderr, StringComparison.Ordinal);
        (code, _, stderr) = CliRunner.Run("apply", schema, "--targets", targets);
        Assert.Equal(3, code);
        Assert.Contains("pass --auto-approve", stderr, StringComparison.Ordinal);
        (code, _, stderr) = CliRunner.Run("drift", schema, "--targets", targets, "--format", "sarif");
        Assert.Equal(3, code);
        Assert.Contains("--format is text or json", stderr, StringComparison.Ordinal);
        (code, _, stderr) = CliRunner.Run("apply", schema, "--targets", Write("bad.yaml", "targets:\n  - url: mongodb://x@h/d\n"), "--auto-approve");
        Assert.Equal(3, code);
        Assert.StartsWith(Path.Combine(Dir, "bad.yaml") + ":2:5: error SF106: the target's url is not valid: expected a URL like", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_in_the_desired_source_is_reported_once_before_any_target_is_reached()
    {
        var schema = Write("schema.sql", "CREATE TABLE t (id integer PRIMARY KEY,);");
        var targets = Write("targets.yaml", "targets:\n  - url: postgres://app@127.0.0.1:1/a\n  - url: postgres://app@127.0.0.1:1/b\n");
        var (code, stdout, stderr) = CliRunner.Run("apply", schema, "--targets", targets, "--auto-approve");
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.Split('\n'), l => l.Contains("error SF301", StringComparison.Ordinal));
        Assert.DoesNotContain("127.0.0.1", stderr, StringComparison.Ordinal);
    }
}
