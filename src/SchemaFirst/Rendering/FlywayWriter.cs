using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SchemaFirst.Planning;

namespace SchemaFirst.Rendering;

/// <summary>
/// Writes a plan as the next versioned migrations of a Flyway (or DbUp) folder, so a declarative source can feed an
/// existing migration pipeline: <c>V&lt;n&gt;__&lt;name&gt;.sql</c> after the highest version already there, one file per
/// phase (statements that cannot run in a transaction get files of their own, which Flyway then runs without one), and
/// <c>schemafirst.checksums</c> with each file's checksum as Flyway computes it (CRC32 over the lines, without line
/// ends) and its SHA-256, so a later edit of a released migration is visible.
/// </summary>
public static partial class FlywayWriter
{
    public const string ChecksumFile = "schemafirst.checksums";

    /// <summary>The files to write (name, text), and the checksum file's new text.</summary>
    public static (IReadOnlyList<(string Name, string Text)> Files, string Checksums) Write(MigrationPlan plan, IEnumerable<string> existingFiles, string? existingChecksums)
    {
        var version = existingFiles.Select(f => Version().Match(Path.GetFileName(f))).Where(m => m.Success)
            .Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        var name = Slug(plan);
        var files = new List<(string, string)>();
        foreach (var (phase, suffix, note) in new[]
                 {
                     (StatementPhase.Before, "_before", "Cannot run in a transaction: Flyway runs this file without one."),
                     (StatementPhase.Transaction, string.Empty, null),
                     (StatementPhase.After, "_after", "Runs after the transaction of the previous file commits, without a transaction."),
                 })
        {
            var statements = plan.Statements.Where(s => s.Phase == phase).ToList();
            if (statements.Count == 0) continue;
            var sb = new StringBuilder();
            sb.Append("-- Written by SchemaFirst from the declarative schema: edit the schema, not this file.\n");
            sb.Append("-- from ").Append(plan.FromFingerprint).Append("\n-- to   ").Append(plan.ToFingerprint).Append('\n');
            if (note != null) sb.Append("-- ").Append(note).Append('\n');
            PlanSqlWriter.AppendStatements(sb, statements);
            files.Add(($"V{++version}__{name}{suffix}.sql", sb.ToString()));
        }
        var lines = (existingChecksums ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (lines.Count == 0) lines.Add("# file  flyway-crc32  sha256 (written by schemafirst plan --format flyway)");
        foreach (var (file, text) in files)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            lines.Add($"{file}  {Crc32OfLines(text).ToString(CultureInfo.InvariantCulture)}  sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}");
        }
        return (files, string.Join("\n", lines) + "\n");
    }

    /// <summary>"add_table_public_orders" from the first change, "_and_3_more" when there are more.</summary>
    private static string Slug(MigrationPlan plan)
    {
        var first = plan.Changes.Count > 0 ? plan.Changes[0].Describe() : "schemafirst";
        var slug = NonWord().Replace(first.ToLowerInvariant(), "_").Trim('_');
        if (slug.Length > 60) slug = slug[..60].TrimEnd('_');
        return plan.Changes.Count > 1 ? $"{slug}_and_{plan.Changes.Count - 1}_more" : slug;
    }

    /// <summary>Flyway's checksum: CRC32 over the UTF-8 bytes of each line without its line end (a BOM dropped), as a signed int.</summary>
    public static int Crc32OfLines(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var crc = 0xFFFFFFFFu;
        foreach (var line in text.Split('\n'))
        {
            var content = line.EndsWith('\r') ? line[..^1] : line;
            foreach (var b in Encoding.UTF8.GetBytes(content)) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return unchecked((int)~crc);
    }

    private static readonly uint[] Table = BuildTable();

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return table;
    }

    [GeneratedRegex(@"^V(\d+)(?:[._]\d+)*__.*\.sql$", RegexOptions.IgnoreCase)]
    private static partial Regex Version();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonWord();
}
