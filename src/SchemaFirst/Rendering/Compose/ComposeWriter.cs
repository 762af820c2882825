using System.Text;
using SchemaFirst.Model;

namespace SchemaFirst.Rendering.Compose;

/// <summary>
/// Options of a Compose environment: the engine, the image version (null: the engine's default), extensions to create
/// besides the schema's own, the host port (null: the engine's; bound to 127.0.0.1 only), the database name, and the init
/// folder relative to the compose file.
/// </summary>
public sealed record ComposeOptions(
    string Engine = "postgres",
    string? Version = null,
    IReadOnlyList<string>? Extensions = null,
    int? Port = null,
    string Database = "app",
    string InitDir = "schemafirst-init");

/// <summary>
/// Represents what differs between engines in a Compose environment: the official image and its default version, the
/// environment variables its entrypoint reads (the password ones required, never given a value), where it keeps data,
/// its port, and a healthcheck that passes only once the server answers.
/// </summary>
internal sealed record ComposeEngine(string Name, string Image, string DefaultVersion, int Port, string DataPath,
    IReadOnlyList<(string Variable, string? Default, bool Secret)> Environment, string Healthcheck, string InitPath = "/docker-entrypoint-initdb.d",
    bool InitSidecar = false)
{
    public static readonly ComposeEngine Postgres = new("postgres", "postgres", "17", 5432, "/var/lib/postgresql/data",
        [("POSTGRES_DB", "{db}", false), ("POSTGRES_USER", "{db}", false), ("POSTGRES_PASSWORD", null, true)],
        "[\"CMD-SHELL\", \"pg_isready -U \\\"$${POSTGRES_USER}\\\" -d \\\"$${POSTGRES_DB}\\\"\"]");

    public static readonly ComposeEngine MySql = new("mysql", "mysql", "8.4", 3306, "/var/lib/mysql",
        [("MYSQL_DATABASE", "{db}", false), ("MYSQL_USER", "{db}", false), ("MYSQL_PASSWORD", null, true), ("MYSQL_ROOT_PASSWORD", null, true)],
        "[\"CMD-SHELL\", \"mysqladmin ping -h 127.0.0.1 -u root --password=\\\"$${MYSQL_ROOT_PASSWORD}\\\" --silent\"]");

    public static readonly ComposeEngine MariaDb = new("mariadb", "mariadb", "11.4", 3306, "/var/lib/mysql",
        [("MARIADB_DATABASE", "{db}", false), ("MARIADB_USER", "{db}", false), ("MARIADB_PASSWORD", null, true), ("MARIADB_ROOT_PASSWORD", null, true)],
        "[\"CMD\", \"healthcheck.sh\", \"--connect\", \"--innodb_initialized\"]");

    /// <summary>SQL Server's image runs no init scripts: a one-shot db-init service (the same image, for sqlcmd) creates the
    /// database and runs them once the server is healthy, and does nothing when the database is already there.</summary>
    public static readonly ComposeEngine SqlServer = new("sqlserver", "mcr.microsoft.com/mssql/server", "2022-latest", 1433, "/var/opt/mssql",
        [("ACCEPT_EULA", "Y", false), ("MSSQL_PID", "Developer", false), ("MSSQL_SA_PASSWORD", null, true)],
        "[\"CMD-SHELL\", \"/opt/mssql-tools18/bin/sqlcmd -S localhost -U sa -P \\\"$${MSSQL_SA_PASSWORD}\\\" -C -b -Q 'SELECT 1' -o /dev/null\"]",
        InitPath: "/schemafirst-init", InitSidecar: true);

    /// <summary>Oracle Database Free (gvenzl/oracle-free, the image Testcontainers uses): APP_USER is the schema the init
    /// scripts fill.</summary>
    public static readonly ComposeEngine Oracle = new("oracle", "gvenzl/oracle-free", "23-slim", 1521, "/opt/oracle/oradata",
        [("ORACLE_PASSWORD", null, true), ("APP_USER", "{db}", false), ("APP_USER_PASSWORD", null, true)],
        "[\"CMD\", \"healthcheck.sh\"]", InitPath: "/container-entrypoint-initdb.d");

    public static readonly IReadOnlyList<ComposeEngine> All = [Postgres, MySql, MariaDb, SqlServer, Oracle];
}

/// <summary>
/// Writes a Docker Compose file for a local database with the schema (PostgreSQL, MySQL, MariaDB, SQL Server, Oracle
/// Free): the image (PostGIS's when a PostgreSQL schema uses postgis), a healthcheck that waits for the server, a named
/// volume, the port on 127.0.0.1 only, the generated DDL and seeds mounted read-only into the image's init folder (SQL
/// Server runs none: a db-init service does it), and every credential taken from the environment (the file holds no
/// secret; <c>.env.example</c> lists the variables).
/// </summary>
public static class ComposeWriter
{
    /// <summary>The engines a Compose environment can be written for.</summary>
    public static IReadOnlyList<string> Engines => [.. ComposeEngine.All.Select(e => e.Name)];

    private static ComposeEngine EngineOf(ComposeOptions options) =>
        ComposeEngine.All.FirstOrDefault(e => e.Name == options.Engine) ?? throw new ArgumentException($"no Compose engine '{options.Engine}'", nameof(options));

    /// <summary>The PostGIS image tag that goes with a PostgreSQL major version.</summary>
    private static string PostgisTag(string version) => (version.Split('.')[0]) + "-3.5";

    public static bool UsesPostgis(Database model, IReadOnlyList<string>? extensions) =>
        model.Extensions.Any(e => e.Name.Equals("postgis", StringComparison.OrdinalIgnoreCase)) || extensions?.Any(e => e.Equals("postgis", StringComparison.OrdinalIgnoreCase)) == true;

    public static string Image(Database model, ComposeOptions options)
    {
        var engine = EngineOf(options);
        var version = options.Version ?? engine.DefaultVersion;
        return engine == ComposeEngine.Postgres && UsesPostgis(model, options.Extensions) ? "postgis/postgis:" + PostgisTag(version) : engine.Image + ":" + version;
    }

    public static string Write(Database model, ComposeOptions options)
    {
        var engine = EngineOf(options);
        var sb = new StringBuilder();
        sb.Append("# Written by SchemaFirst from the schema source; do not edit by hand.\n");
        sb.Append("# Regenerate with: schemafirst generate compose\n");
        sb.Append("# Start: cp .env.example .env (set the passwords), then docker compose up -d --wait\n");
        sb.Append("services:\n");
        sb.Append("  db:\n");
        sb.Append("    image: ").Append(Yaml(Image(model, options))).Append('\n');
        sb.Append("    restart: unless-stopped\n");
        sb.Append("    environment:\n");
        foreach (var (variable, value, secret) in engine.Environment)
        {
            sb.Append("      ").Append(variable).Append(": \"${").Append(variable);
            sb.Append(secret ? ":?set " + variable + " in .env (see .env.example)" : ":-" + value!.Replace("{db}", options.Database, StringComparison.Ordinal));
            sb.Append("}\"\n");
        }
        sb.Append("    ports:\n");
        sb.Append("      - \"127.0.0.1:${DB_PORT:-").Append(options.Port ?? engine.Port).Append("}:").Append(engine.Port).Append("\"\n");
        sb.Append("    volumes:\n");
        sb.Append("      - \"db-data:").Append(engine.DataPath).Append("\"\n");
        if (!engine.InitSidecar) sb.Append("      - \"./").Append(options.InitDir).Append(':').Append(engine.InitPath).Append(":ro\"\n");
        sb.Append("    healthcheck:\n");
        sb.Append("      test: ").Append(engine.Healthcheck).Append('\n');
        sb.Append("      interval: 5s\n");
        sb.Append("      timeout: 5s\n");
        sb.Append("      retries: 30\n");
        sb.Append("      start_period: ").Append(engine == ComposeEngine.Oracle ? "120s" : engine == ComposeEngine.SqlServer ? "30s" : "10s").Append('\n');
        if (engine.InitSidecar)
        {
            sb.Append("  db-init:\n");
            sb.Append("    image: ").Append(Yaml(Image(model, options))).Append('\n');
            sb.Append("    depends_on:\n");
            sb.Append("      db:\n");
            sb.Append("        condition: service_healthy\n");
            sb.Append("    environment:\n");
            sb.Append("      MSSQL_SA_PASSWORD: \"${MSSQL_SA_PASSWORD:?set MSSQL_SA_PASSWORD in .env (see .env.example)}\"\n");
            sb.Append("      DB_NAME: \"${DB_NAME:-").Append(options.Database).Append("}\"\n");
            sb.Append("    volumes:\n");
            sb.Append("      - \"./").Append(options.InitDir).Append(':').Append(engine.InitPath).Append(":ro\"\n");
            sb.Append("    entrypoint: [\"/bin/bash\", \"").Append(engine.InitPath).Append("/init.sh\"]\n");
            sb.Append("    restart: \"no\"\n");
        }
        sb.Append("volumes:\n");
        sb.Append("  db-data:\n");
        return sb.ToString();
    }

    public static string EnvExample(ComposeOptions options)
    {
        var engine = EngineOf(options);
        var sb = new StringBuilder("# Copy to .env and set the passwords; .env stays out of version control.\n");
        foreach (var (variable, value, secret) in engine.Environment)
        {
            sb.Append(variable).Append('=').Append(secret ? string.Empty : value!.Replace("{db}", options.Database, StringComparison.Ordinal)).Append('\n');
        }
        if (engine.InitSidecar) sb.Append("DB_NAME=").Append(options.Database).Append('\n');
        sb.Append("DB_PORT=").Append(options.Port ?? engine.Port).Append('\n');
        return sb.ToString();
    }

    /// <summary>The script a db-init service runs (SQL Server): create the database unless it exists, then each *.sql in name order.</summary>
    public static string? InitScript(ComposeOptions options)
    {
        var engine = EngineOf(options);
        if (!engine.InitSidecar) return null;
        // -I: QUOTED_IDENTIFIER ON, which filtered indexes and the statements on their tables need (sqlcmd's default is OFF).
        // The database is marked (an extended property, not a table) only once every script ran: a half-done init is
        // reported on the next start rather than taken for a finished one.
        return "#!/bin/bash\n"
            + "# Written by SchemaFirst: creates the database and runs the init scripts once; does nothing when that was done.\n"
            + "set -euo pipefail\n"
            + "sqlcmd=(/opt/mssql-tools18/bin/sqlcmd -S db -U sa -P \"$MSSQL_SA_PASSWORD\" -C -b -I)\n"
            + "state=$(\"${sqlcmd[@]}\" -h -1 -W -Q \"SET NOCOUNT ON; IF DB_ID(N'$DB_NAME') IS NULL SELECT 0 ELSE EXEC (N'SELECT COUNT(*) + 1 FROM [$DB_NAME].sys.extended_properties WHERE class = 0 AND name = N''schemafirst_init''')\" | tr -d '[:space:]')\n"
            + "if [ \"$state\" = 2 ]; then echo \"database $DB_NAME is initialized; nothing to do\"; exit 0; fi\n"
            + "if [ \"$state\" = 1 ]; then echo \"database $DB_NAME exists but its init did not finish; remove the db-data volume and start again\" >&2; exit 1; fi\n"
            + "\"${sqlcmd[@]}\" -Q \"CREATE DATABASE [$DB_NAME]\"\n"
            + "for f in " + engine.InitPath + "/*.sql; do\n"
            + "  echo \"running $f\"\n"
            + "  \"${sqlcmd[@]}\" -d \"$DB_NAME\" -i \"$f\"\n"
            + "done\n"
            + "\"${sqlcmd[@]}\" -d \"$DB_NAME\" -Q \"EXEC sys.sp_addextendedproperty @name = N'schemafirst_init', @value = N'done'\"\n";
    }

    /// <summary>
    /// What goes before each init script: the image runs them in SQL*Plus as SYSDBA in the root container, so they switch
    /// to the pluggable database and the app user's schema, turn off &amp; substitution, keep blank lines in statements,
    /// and stop at the first error.
    /// </summary>
    public static string InitPrefix(ComposeOptions options) =>
        EngineOf(options) == ComposeEngine.Oracle
            ? "ALTER SESSION SET CONTAINER = FREEPDB1;\nALTER SESSION SET CURRENT_SCHEMA = " + options.Database.ToUpperInvariant() + ";\n"
              + "SET DEFINE OFF;\nSET SQLBLANKLINES ON;\nWHENEVER SQLERROR EXIT FAILURE;\n\n"
            : string.Empty;

    /// <summary>The extensions the config asks for that the schema does not create itself, as re-runnable SQL (PostgreSQL).</summary>
    public static string? ExtensionsScript(Database model, IReadOnlyList<string>? extensions)
    {
        var extra = (extensions ?? []).Where(e => !model.Extensions.Any(m => m.Name.Equals(e, StringComparison.OrdinalIgnoreCase))).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (extra.Count == 0) return null;
        var sb = new StringBuilder("-- Extensions schemafirst.yaml's compose section asks for, besides those the schema creates.\n");
        foreach (var e in extra) sb.Append("CREATE EXTENSION IF NOT EXISTS ").Append(Dialects.Postgres.PostgresQuoting.Quote(e)).Append(";\n");
        return sb.ToString();
    }

    private static string Yaml(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
