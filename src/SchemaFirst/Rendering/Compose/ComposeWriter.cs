using System.Text;
using SchemaFirst.Model;

namespace SchemaFirst.Rendering.Compose;

/// <summary>
/// Options of a Compose environment: the image version, extensions to create besides the schema's own, the host port
/// (bound to 127.0.0.1 only), the database name, and the init folder relative to the compose file.
/// </summary>
public sealed record ComposeOptions(string Version = "17", IReadOnlyList<string>? Extensions = null, int Port = 5432, string Database = "app", string InitDir = "schemafirst-init");

/// <summary>
/// Writes a Docker Compose file for a local PostgreSQL with the schema: the official image (PostGIS's when the schema
/// uses postgis), a healthcheck with pg_isready, a named volume, the port on 127.0.0.1, the generated DDL and seeds
/// mounted read-only into the init folder, and every credential taken from the environment (the file holds no secret;
/// <c>.env.example</c> lists the variables).
/// </summary>
public static class ComposeWriter
{
    /// <summary>The PostGIS image tag that goes with a PostgreSQL major version.</summary>
    private static string PostgisTag(string version) => (version.Split('.')[0]) + "-3.5";

    public static bool UsesPostgis(Database model, IReadOnlyList<string>? extensions) =>
        model.Extensions.Any(e => e.Name.Equals("postgis", StringComparison.OrdinalIgnoreCase)) || extensions?.Any(e => e.Equals("postgis", StringComparison.OrdinalIgnoreCase)) == true;

    public static string Image(Database model, ComposeOptions options) =>
        UsesPostgis(model, options.Extensions) ? "postgis/postgis:" + PostgisTag(options.Version) : "postgres:" + options.Version;

    public static string Write(Database model, ComposeOptions options)
    {
        var sb = new StringBuilder();
        sb.Append("# Written by SchemaFirst from the schema source; do not edit by hand.\n");
        sb.Append("# Regenerate with: schemafirst generate compose\n");
        sb.Append("# Start: cp .env.example .env (set the password), then docker compose up -d --wait\n");
        sb.Append("services:\n");
        sb.Append("  db:\n");
        sb.Append("    image: ").Append(Yaml(Image(model, options))).Append('\n');
        sb.Append("    restart: unless-stopped\n");
        sb.Append("    environment:\n");
        sb.Append("      POSTGRES_DB: \"${POSTGRES_DB:-").Append(options.Database).Append("}\"\n");
        sb.Append("      POSTGRES_USER: \"${POSTGRES_USER:-").Append(options.Database).Append("}\"\n");
        sb.Append("      POSTGRES_PASSWORD: \"${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env (see .env.example)}\"\n");
        sb.Append("    ports:\n");
        sb.Append("      - \"127.0.0.1:${DB_PORT:-").Append(options.Port).Append("}:5432\"\n");
        sb.Append("    volumes:\n");
        sb.Append("      - \"db-data:/var/lib/postgresql/data\"\n");
        sb.Append("      - \"./").Append(options.InitDir).Append(":/docker-entrypoint-initdb.d:ro\"\n");
        sb.Append("    healthcheck:\n");
        sb.Append("      test: [\"CMD-SHELL\", \"pg_isready -U \\\"$${POSTGRES_USER}\\\" -d \\\"$${POSTGRES_DB}\\\"\"]\n");
        sb.Append("      interval: 5s\n");
        sb.Append("      timeout: 5s\n");
        sb.Append("      retries: 30\n");
        sb.Append("      start_period: 10s\n");
        sb.Append("volumes:\n");
        sb.Append("  db-data:\n");
        return sb.ToString();
    }

    public static string EnvExample(ComposeOptions options) =>
        "# Copy to .env and set the password; .env stays out of version control.\n"
        + "POSTGRES_DB=" + options.Database + "\n"
        + "POSTGRES_USER=" + options.Database + "\n"
        + "POSTGRES_PASSWORD=\n"
        + "DB_PORT=" + options.Port + "\n";

    /// <summary>The extensions the config asks for that the schema does not create itself, as re-runnable SQL.</summary>
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
