namespace SchemaFirst.Tests;

/// <summary>
/// The schema of names built to break generated SQL (quotes of every kind, semicolons, comment markers, dollar quotes,
/// a Cyrillic look-alike letter, a reserved word, a name of the longest length the engine takes) and a default that
/// reads like an injection; shared by the generation tests and the integration tests that apply it.
/// </summary>
internal static class HostileNames
{
    // "аdmin" starts with a Cyrillic а; Ω is two bytes in UTF-8.
    /// <param name="longest">The length of the longest name.</param>
    /// <param name="lastColumn">The last column of the first table, quoted (a quote of the engine under test).</param>
    public static string Schema(int longest, string lastColumn) => $$"""
        CREATE TABLE "we""ird;--table" (
            "id" integer PRIMARY KEY,
            "it's" text DEFAULT 'it''s; DROP TABLE x; --',
            "$$dollar$$" integer CHECK ("$$dollar$$" >= 0),
            "/*c*/" text,
            "аdmin" boolean,
            "select" integer,
            {{lastColumn}} text
        );
        CREATE TABLE "Ω_orders" (
            "id" integer PRIMARY KEY,
            "owner" integer REFERENCES "we""ird;--table" ("id")
        );
        CREATE INDEX "idx;drop" ON "Ω_orders" ("owner");
        CREATE TABLE "{{new string('l', longest)}}" ("id" integer PRIMARY KEY);
        """;
}
