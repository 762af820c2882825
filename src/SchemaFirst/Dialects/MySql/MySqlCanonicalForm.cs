using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using SchemaFirst.Model;

namespace SchemaFirst.Dialects.MySql;

/// <summary>
/// The server defaults a MySQL or MariaDB database fills in for what a file leaves out: the database's character set
/// and collation, and each character set's default collation (they differ between MySQL 8, MariaDB 10 and MariaDB 11).
/// </summary>
public sealed record MySqlDefaults(string? Charset, string? Collation, IReadOnlyDictionary<string, string> DefaultCollations)
{
    /// <summary>What MariaDB 10.x and MySQL 5.7 use, for a comparison with no server at hand.</summary>
    public static MySqlDefaults Offline { get; } = new(null, null, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["utf8mb4"] = "utf8mb4_general_ci",
        ["utf8mb3"] = "utf8mb3_general_ci",
        ["latin1"] = "latin1_swedish_ci",
        ["ascii"] = "ascii_general_ci",
        ["binary"] = "binary",
    });

    /// <summary>The defaults of the database a connection is open on.</summary>
    public static async Task<MySqlDefaults> ReadAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        string? charset = null, collation = null;
        var collations = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT @@character_set_database, @@collation_database";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                charset = reader.IsDBNull(0) ? null : reader.GetString(0);
                collation = reader.IsDBNull(1) ? null : reader.GetString(1);
            }
        }
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT CHARACTER_SET_NAME, DEFAULT_COLLATE_NAME FROM information_schema.CHARACTER_SETS";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) collations[reader.GetString(0)] = reader.GetString(1);
        }
        return new MySqlDefaults(charset, collation, collations);
    }
}

/// <summary>
/// The offline normal form of a MySQL model: one spelling for what MySQL 8 and MariaDB print differently and for what a
/// file may write in several ways, applied to both sides of an offline comparison (files against files, or files
/// against a database read with SHOW CREATE) so that a schema applied and read back compares equal to its file.
/// Integer display widths go (MariaDB prints int(11), MySQL 8.0.19+ int; tinyint(1) stays, it means a boolean);
/// BOOLEAN is tinyint(1), INTEGER int, NUMERIC decimal(10,0), REAL and DOUBLE PRECISION double, YEAR(4) year;
/// CURRENT_TIMESTAMP, NOW() and LOCALTIMESTAMP are current_timestamp(); a number written as a string default of a
/// numeric column, TRUE and FALSE are the number, with a decimal column's scale; a table's character set is the
/// database's when the file gives none (utf8 is utf8mb3), its collation and a column's left out when they are the
/// default, ENGINE=InnoDB when none is given. View bodies and routines keep the text they have: only the server
/// prints those in its form (the dev database does that).
/// </summary>
public static class MySqlCanonicalForm
{
    public static Database Apply(Database db, MySqlDefaults defaults) => db with
    {
        Tables = db.Tables.Select(t => Table(t, defaults)).ToEquatableArray(),
        Routines = db.Routines.Select(r => r with { Definition = Routine(r.Definition) }).ToEquatableArray(),
    };

    private static readonly Regex RoutineHead = new(
        @"^CREATE\s+(?:DEFINER\s*=\s*\S+\s+)?(PROCEDURE|FUNCTION)\s+(?:IF\s+NOT\s+EXISTS\s+)?(`(?:[^`]|``)+`|[\w$]+)\s*\(",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex Characteristic = new(
        @"\G\s*(?:(NOT\s+)?DETERMINISTIC|CONTAINS\s+SQL|NO\s+SQL|READS\s+SQL\s+DATA|MODIFIES\s+SQL\s+DATA|SQL\s+SECURITY\s+(?:DEFINER|INVOKER)|LANGUAGE\s+SQL|COMMENT\s+'(?:[^']|'')*')",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>
    /// A routine's head as the server prints it (the body is kept as written): the name in backticks, the RETURNS type in
    /// the normal form, the characteristics one per line in one order, the defaults (CONTAINS SQL, NOT DETERMINISTIC,
    /// SQL SECURITY DEFINER, LANGUAGE SQL) left out.
    /// </summary>
    private static string Routine(string definition)
    {
        if (RoutineHead.Match(definition) is not { Success: true } head) return definition;
        // The parameter list: to its closing parenthesis.
        var i = head.Index + head.Length;
        for (var depth = 1; i < definition.Length && depth > 0; i++)
        {
            if (definition[i] == '(') depth++;
            else if (definition[i] == ')') depth--;
        }
        var parameters = definition[(head.Index + head.Length)..(i - 1)];
        var rest = definition[i..];
        var returns = string.Empty;
        if (Regex.Match(rest, @"^\s*RETURNS\s+(.*?)(?=\s+(?:NOT\s+DETERMINISTIC|DETERMINISTIC|CONTAINS|NO\s+SQL|READS|MODIFIES|SQL\s+SECURITY|LANGUAGE|COMMENT|BEGIN|RETURN)\b|\s*$)", RegexOptions.IgnoreCase | RegexOptions.Singleline) is { Success: true } r)
        {
            returns = " RETURNS " + Type(new DataType(TypeKind.Unknown, Regex.Replace(r.Groups[1].Value.Trim().ToLowerInvariant(), @"\s+", " "))).Text;
            rest = rest[(r.Index + r.Length)..];
        }
        var characteristics = new List<string>();
        var at = 0;
        for (var m = Characteristic.Match(rest, 0); m.Success; m = Characteristic.Match(rest, at))
        {
            at = m.Index + m.Length;
            var clause = Regex.Replace(m.Value.Trim(), @"\s+", " ");
            if (!clause.StartsWith("COMMENT", StringComparison.OrdinalIgnoreCase)) clause = clause.ToUpperInvariant();
            if (clause is not ("CONTAINS SQL" or "NOT DETERMINISTIC" or "SQL SECURITY DEFINER" or "LANGUAGE SQL")) characteristics.Add(clause);
        }
        characteristics.Sort(StringComparer.Ordinal);
        var name = head.Groups[2].Value;
        var quoted = name.StartsWith('`') ? name : "`" + name + "`";
        var sb = new System.Text.StringBuilder("CREATE ").Append(head.Groups[1].Value.ToUpperInvariant()).Append(' ').Append(quoted).Append('(').Append(parameters).Append(')').Append(returns);
        foreach (var c in characteristics) sb.Append("\n    ").Append(c);
        return sb.Append('\n').Append(rest[at..].TrimStart()).ToString();
    }

    private static Table Table(Table t, MySqlDefaults defaults)
    {
        var options = Options(t.Options, defaults, out var charset, out var collation);
        return t with
        {
            Options = options,
            Columns = t.Columns.Select(c => Column(c, charset, collation, defaults)).ToEquatableArray(),
        };
    }

    private static readonly Regex OptionPattern = new(@"(ENGINE|DEFAULT CHARSET|COLLATE|ROW_FORMAT)=(\S+)", RegexOptions.CultureInvariant);

    private static string? Charset(string? name) => name == null ? null : name.Equals("utf8", StringComparison.OrdinalIgnoreCase) ? "utf8mb3" : name.ToLowerInvariant();

    private static string? Collation(string? name) => name == null ? null : name.StartsWith("utf8_", StringComparison.OrdinalIgnoreCase) ? "utf8mb3_" + name[5..].ToLowerInvariant() : name.ToLowerInvariant();

    private static string? DefaultCollation(string? charset, MySqlDefaults defaults) =>
        charset != null && defaults.DefaultCollations.TryGetValue(charset, out var c) ? c : null;

    private static string? Options(string? text, MySqlDefaults defaults, out string? charset, out string? collation)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text != null)
        {
            foreach (Match m in OptionPattern.Matches(text)) map[m.Groups[1].Value] = m.Groups[2].Value;
        }
        charset = Charset(map.GetValueOrDefault("DEFAULT CHARSET")) ?? Charset(defaults.Charset);
        collation = Collation(map.GetValueOrDefault("COLLATE"));
        // A collation names its character set: COLLATE alone sets both.
        if (collation != null && map.GetValueOrDefault("DEFAULT CHARSET") == null && collation.IndexOf('_') is var u and > 0) charset = Charset(collation[..u]);
        // CHARSET without COLLATE takes the character set's default collation; neither takes the database's.
        collation ??= map.ContainsKey("DEFAULT CHARSET") || defaults.Collation == null ? DefaultCollation(charset, defaults) : Collation(defaults.Collation);
        var parts = new List<string> { "ENGINE=" + (map.GetValueOrDefault("ENGINE") ?? "InnoDB") };
        if (charset != null) parts.Add("DEFAULT CHARSET=" + charset);
        if (collation != null && collation != DefaultCollation(charset, defaults)) parts.Add("COLLATE=" + collation);
        if (map.TryGetValue("ROW_FORMAT", out var format)) parts.Add("ROW_FORMAT=" + format);
        return string.Join(" ", parts);
    }

    private static readonly Regex ColumnCharset = new(@"CHARACTER SET (\S+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex ColumnCollate = new(@"COLLATE (\S+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static Column Column(Column c, string? tableCharset, string? tableCollation, MySqlDefaults defaults)
    {
        var type = Type(c.Type);
        var declared = c.Collation;
        // NCHAR and NVARCHAR are CHAR and VARCHAR in the national character set, utf8mb3.
        if (NationalType.Match(type.Text) is { Success: true } national)
        {
            type = type with { Text = national.Groups[1].Value + national.Groups[2].Value };
            if (declared == null || !declared.Contains("CHARACTER SET", StringComparison.OrdinalIgnoreCase)) declared = "CHARACTER SET utf8mb3" + (declared != null ? " " + declared : string.Empty);
        }
        string? collationClause = null;
        if (declared != null)
        {
            var charset = Charset(ColumnCharset.Match(declared) is { Success: true } cs ? cs.Groups[1].Value : null);
            var collation = Collation(ColumnCollate.Match(declared) is { Success: true } co ? co.Groups[1].Value : null);
            if (charset == null && collation != null && collation.IndexOf('_') is var u and > 0) charset = Charset(collation[..u]);
            // CHARACTER SET without COLLATE takes the character set's default collation; neither, the table's.
            collation ??= charset != null ? DefaultCollation(charset, defaults) : tableCollation;
            charset ??= tableCharset;
            if (charset != tableCharset || collation != tableCollation) collationClause = $"CHARACTER SET {charset} COLLATE {collation}";
        }
        return c with
        {
            Type = type,
            Collation = collationClause,
            Default = c.Default is { } d ? Default(d, type) : null,
            OnUpdate = c.OnUpdate is { } o ? Timestamp(o) ?? o : null,
        };
    }

    private static readonly Regex NationalType = new(@"^(?:national\s+|n)(char|varchar)\b(.*)$", RegexOptions.CultureInvariant);

    private static readonly Regex IntegerType = new(@"^(tinyint|smallint|mediumint|integer|int|bigint)\b\s*(\(\s*\d+\s*\))?(.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex DecimalType = new(@"^(decimal|numeric|dec|fixed)\b\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?(.*)$", RegexOptions.CultureInvariant);

    private static DataType Type(DataType type)
    {
        var text = type.Text;
        if (text is "bool" or "boolean") return type with { Text = "tinyint(1)" };
        if (IntegerType.Match(text) is { Success: true } i)
        {
            var word = i.Groups[1].Value == "integer" ? "int" : i.Groups[1].Value;
            var width = word == "tinyint" && i.Groups[2].Value.Replace(" ", string.Empty, StringComparison.Ordinal) == "(1)" ? "(1)" : string.Empty;
            return type with { Text = word + width + Spaced(i.Groups[3].Value) };
        }
        if (DecimalType.Match(text) is { Success: true } d)
        {
            var p = d.Groups[2].Success ? d.Groups[2].Value : "10";
            var s = d.Groups[3].Success ? d.Groups[3].Value : "0";
            return type with { Text = $"decimal({p},{s}){Spaced(d.Groups[4].Value)}" };
        }
        if (text is "real" or "double precision") return type with { Text = "double" };
        if (text.StartsWith("double precision", StringComparison.Ordinal)) return type with { Text = "double" + text["double precision".Length..] };
        if (text == "year(4)") return type with { Text = "year" };
        return type with { Text = Regex.Replace(text, @"\(\s*(\d+)\s*,\s*(\d+)\s*\)", "($1,$2)") };
    }

    private static string Spaced(string rest) => rest.Trim().Length == 0 ? string.Empty : " " + string.Join(' ', rest.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static readonly Regex TimestampCall = new(@"^(current_timestamp|now|localtimestamp|localtime)\s*(\(\s*(\d*)\s*\))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>current_timestamp() or current_timestamp(n) for every spelling of "now", or null.</summary>
    private static string? Timestamp(string expression) =>
        TimestampCall.Match(expression.Trim()) is { Success: true } m
            ? m.Groups[3].Value is { Length: > 0 } p && p != "0" ? $"current_timestamp({p})" : "current_timestamp()"
            : null;

    private static string Default(string d, DataType type)
    {
        if (Timestamp(d) is { } now) return now;
        var numeric = type.Kind is TypeKind.SmallInt or TypeKind.Integer or TypeKind.BigInt or TypeKind.Decimal or TypeKind.Boolean or TypeKind.Real or TypeKind.Double;
        if (!numeric) return d;
        var value = d.Trim();
        if (value.Equals("true", StringComparison.OrdinalIgnoreCase)) return "1";
        if (value.Equals("false", StringComparison.OrdinalIgnoreCase)) return "0";
        if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'') value = value[1..^1];
        if (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return d;
        if (type.Kind is TypeKind.Real or TypeKind.Double) return value;
        // A decimal default is printed with the column's scale (0 in decimal(5,2) is 0.00).
        var scale = type.Kind == TypeKind.Decimal && DecimalType.Match(type.Text) is { Success: true } m && m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        if (scale > 28) return value; // beyond what a .NET decimal rounds to: left as written
        return decimal.Round(number, scale).ToString("F" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
