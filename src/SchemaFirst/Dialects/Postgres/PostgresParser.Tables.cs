using System.Globalization;
using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

internal partial class PostgresParser
{
    private void CreateTable(bool unlogged)
    {
        var c = _c;
        var ifNotExists = c.Accept("if", "not", "exists");
        var nameIndex = c.Pos;
        var name = QualifyForCreate(c.ExpectNameParts("a table name"));
        if (c.IsWord("of") || c.IsWord("as") || (c.Is(TokenKind.LParen) && IsCreateTableAs()))
        {
            KeepOpaque(c.IsWord("of") ? "CREATE TABLE OF" : "CREATE TABLE AS", why: "the columns come from a type or query");
            return;
        }
        if (_tables.ContainsKey(name) || _views.ContainsKey(name) || _sequences.ContainsKey(name))
        {
            if (!ifNotExists) DuplicateObject($"relation {PostgresQuoting.Name(name)}", nameIndex);
            return;
        }
        var draft = new TableDraft { Name = name, Persistence = unlogged ? TablePersistence.Unlogged : TablePersistence.Permanent };
        ReserveRelationName(name.Schema, name.Name);
        MapSet(SourceKind.Table, name, nameIndex);
        var pending = new List<PendingConstraint>();
        var serials = new List<(string Column, DataType Type, int Token)>();
        if (c.Accept("partition", "of"))
        {
            var parentParts = c.ExpectNameParts("a parent table name");
            var parent = FindTable(parentParts) ?? QualifyForCreate(parentParts);
            if (_tables.TryGetValue(parent, out var parentTable))
            {
                // A partition has its parent's columns; its own element list may only add defaults and constraints.
                draft.Columns.AddRange(parentTable.Columns.Select(col => col with { Comment = null, Identity = null }));
            }
            else
            {
                UnknownObject($"table {PostgresQuoting.Name(parent)}", nameIndex + 3);
            }
            if (c.Is(TokenKind.LParen)) ParseTableElements(draft, pending, serials, partition: true);
            draft.PartitionOf = new PartitionBound(parent, BoundAsPrinted(ParsePartitionBound(), _tables.GetValueOrDefault(parent)));
        }
        else
        {
            if (!c.Is(TokenKind.LParen)) throw c.Error("expected '(' and the column list");
            ParseTableElements(draft, pending, serials, partition: false);
        }
        ParseTableTail(draft);
        FinishConstraints(draft, pending);
        _tables[name] = draft.ToTable();
        foreach (var (column, type, token) in serials) CreateSerialSequence(name, column, type, token);
    }

    private bool IsCreateTableAs()
    {
        // CREATE TABLE t (a, b) AS SELECT ...: a column-name list followed by AS.
        var c = _c;
        var save = c.Pos;
        c.SkipParens();
        var isAs = c.IsWord("as");
        c.Pos = save;
        return isAs;
    }

    private string ParsePartitionBound()
    {
        var c = _c;
        if (c.Accept("default")) return "DEFAULT";
        if (!c.IsWord("for")) throw c.Error("expected FOR VALUES or DEFAULT");
        var start = c.Pos;
        c.Pos += 2;
        if (!c.IsWord(-1, "values")) throw c.Error("expected FOR VALUES");
        // FOR VALUES IN (...) | FROM (...) TO (...) | WITH (...)
        while (!c.AtEnd && (c.Is(TokenKind.LParen) || c.IsAnyWord("in", "from", "to", "with")))
        {
            if (c.Is(TokenKind.LParen)) c.SkipParens();
            else c.Pos++;
        }
        return c.Normalize((start, c.Pos), stripOuterParens: false).ToUpperInvariantKeywords();
    }

    /// <summary>
    /// A partition bound as the server prints it: on a <c>timestamp</c> key a date literal gets its time
    /// ('2024-01-01' is '2024-01-01 00:00:00'). Other keys keep their literals (a timestamptz bound is printed in the
    /// server's time zone, which the offline form cannot know).
    /// </summary>
    private static string BoundAsPrinted(string bound, Table? parent)
    {
        if (parent?.PartitionBy is not { } by || !by.StartsWith("RANGE (", StringComparison.OrdinalIgnoreCase) && !by.StartsWith("LIST (", StringComparison.OrdinalIgnoreCase)) return bound;
        var keys = by[(by.IndexOf('(', StringComparison.Ordinal) + 1)..^1].Split(',', StringSplitOptions.TrimEntries);
        if (keys.Length != 1 || parent.FindColumn(keys[0].Trim('"')) is not { } key || key.Type.Text != "timestamp without time zone") return bound;
        return IsoDateLiteral().Replace(bound, m => $"'{m.Groups[1].Value} 00:00:00'");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"'(\d{4}-\d{2}-\d{2})'")]
    private static partial System.Text.RegularExpressions.Regex IsoDateLiteral();

    private void ParseTableTail(TableDraft draft)
    {
        var c = _c;
        while (!c.AtEnd)
        {
            if (c.Accept("inherits"))
            {
                var (s, e) = c.CaptureParens();
                foreach (var (ps, pe) in c.SplitTopLevel(s, e))
                {
                    var sub = c.Sub(ps, pe);
                    var parts = sub.ExpectNameParts("a parent table name");
                    var parent = FindTable(parts) ?? QualifyForCreate(parts);
                    draft.Inherits.Add(parent);
                    InheritColumns(draft, parent);
                }
                continue;
            }
            if (c.Accept("partition", "by"))
            {
                var strategy = c.ExpectIdentifier("RANGE, LIST or HASH").ToUpperInvariant();
                if (!c.Is(TokenKind.LParen)) throw c.Error("expected '(' and the partition key");
                draft.PartitionBy = strategy + " " + c.NormalizeParenthesized();
                continue;
            }
            if (c.Accept("using"))
            {
                draft.AccessMethod = c.ExpectIdentifier("an access method");
                continue;
            }
            if (c.Accept("with"))
            {
                draft.With = StorageParameters();
                continue;
            }
            if (c.Accept("without", "oids")) continue;
            if (AcceptTableOption(c, draft)) continue;
            if (c.Accept("tablespace"))
            {
                draft.Tablespace = c.ExpectIdentifier("a tablespace name");
                continue;
            }
            if (c.Accept("on", "commit"))
            {
                c.Pos += c.IsWord("delete") || c.IsWord("preserve") ? 2 : 1;
                continue;
            }
            if (c.IsWord("partition") && c.IsWord(1, "of")) throw c.Error("PARTITION OF must come right after the table name");
            throw c.Error("expected INHERITS, PARTITION BY, USING, WITH, TABLESPACE or the end of the statement");
        }
    }

    /// <summary>
    /// INHERITS: the child gets the parent's columns first (a column the child also declares is merged, keeping the
    /// child's definition), then its own, as PostgreSQL lays them out.
    /// </summary>
    private void InheritColumns(TableDraft draft, QualifiedName parentName)
    {
        if (!_tables.TryGetValue(parentName, out var parent)) return;
        var inherited = new List<Column>();
        foreach (var pc in parent.Columns)
        {
            var own = draft.ColumnIndex(pc.Name);
            inherited.Add(own >= 0 ? draft.Columns[own] : pc with { Comment = null, Identity = null });
        }
        var rest = draft.Columns.Where(c => parent.FindColumn(c.Name) == null);
        // Columns inherited from an earlier parent keep their place.
        draft.Columns = inherited.Concat(rest.Where(c => !inherited.Any(i => i.Name == c.Name))).ToList();
    }

    private void ParseTableElements(TableDraft draft, List<PendingConstraint> pending, List<(string, DataType, int)> serials, bool partition)
    {
        var c = _c;
        c.Expect(TokenKind.LParen);
        if (c.Accept(TokenKind.RParen)) return;
        while (true)
        {
            if (IsTableConstraintStart())
            {
                pending.Add(ParseTableConstraint());
            }
            else if (c.IsWord("like"))
            {
                throw c.Error("LIKE in CREATE TABLE is not supported", "list the columns explicitly");
            }
            else
            {
                ParseColumnDefinition(draft, pending, serials, partition, addColumn: true);
            }
            if (c.Accept(TokenKind.Comma)) continue;
            c.Expect(TokenKind.RParen);
            break;
        }
    }

    private bool IsTableConstraintStart()
    {
        var c = _c;
        if (c.Kind() != TokenKind.Word) return false;
        if (c.IsWord("constraint")) return true;
        if (c.IsWord("primary") && c.IsWord(1, "key")) return true;
        if (c.IsWord("foreign") && c.IsWord(1, "key")) return true;
        if (c.IsWord("unique") && (c.Kind(1) == TokenKind.LParen || c.IsWord(1, "nulls") || c.IsWord(1, "using"))) return true;
        if (c.IsWord("check") && c.Kind(1) == TokenKind.LParen) return true;
        if (c.IsWord("exclude") && (c.Kind(1) == TokenKind.LParen || c.IsWord(1, "using"))) return true;
        return false;
    }

    private static bool IsColumnConstraintWord(TokenCursor c) =>
        c.IsAnyWord("constraint", "null", "check", "default", "generated", "unique", "primary", "references", "collate", "deferrable", "initially")
        || (c.IsWord("not") && (c.IsWord(1, "null") || c.IsWord(1, "deferrable")));

    /// <summary>Reads a column definition; adds it to the draft or (for partitions / ALTER) merges into an existing column.</summary>
    private Column ParseColumnDefinition(TableDraft draft, List<PendingConstraint> pending, List<(string, DataType, int)> serials, bool partition, bool addColumn)
    {
        var c = _c;
        var nameIndex = c.Pos;
        var name = c.ExpectIdentifier("a column name");
        var existingIndex = draft.ColumnIndex(name);
        Column column;
        if (partition)
        {
            c.Accept("with", "options");
            if (existingIndex < 0) throw new ParseException(nameIndex, $"column \"{name}\" is not a column of the parent table");
            column = draft.Columns[existingIndex];
        }
        else
        {
            var type = ParseType(c, out var serial);
            column = new Column(name, type);
            if (serial)
            {
                column = column with { NotNull = true };
                serials.Add((name, type, nameIndex));
            }
            if (existingIndex >= 0)
            {
                Report(Diagnostics.Severity.Error, Diagnostics.DiagnosticCodes.DuplicateColumn, $"column \"{name}\" is defined twice in table {PostgresQuoting.Name(draft.Name)}", SpanAt(nameIndex),
                    "remove or rename one of the definitions");
            }
        }
        MapSet(SourceKind.Column, draft.Name, nameIndex, name);
        column = ParseColumnConstraints(draft, column, pending);
        if (partition) draft.Columns[existingIndex] = column;
        else if (addColumn && existingIndex < 0) draft.Columns.Add(column);
        return column;
    }

    private Column ParseColumnConstraints(TableDraft draft, Column column, List<PendingConstraint> pending)
    {
        var c = _c;
        while (!c.AtEnd && !c.Is(TokenKind.Comma) && !c.Is(TokenKind.RParen))
        {
            string? constraintName = null;
            var constraintToken = c.Pos;
            if (c.Accept("constraint")) constraintName = c.ExpectIdentifier("a constraint name");
            if (c.Accept("not", "null"))
            {
                column = column with { NotNull = true };
                AcceptConstraintSuffix(c, primaryKey: false);
                continue;
            }
            if (AcceptColumnConstraint(c, ref column)) continue;
            if (c.Accept("null"))
            {
                column = column with { NotNull = false };
                continue;
            }
            if (c.Accept("default"))
            {
                var range = c.CaptureUntil(IsColumnConstraintWord);
                column = column with { Default = ColumnDefault(CanonicalExpression(c.Normalize(range)), column.Type) };
                continue;
            }
            if (c.Accept("collate"))
            {
                column = column with { Collation = string.Join(".", c.ExpectNameParts("a collation")) };
                continue;
            }
            if (c.Accept("storage"))
            {
                column = column with { Storage = c.ExpectIdentifier("a storage mode").ToUpperInvariant() };
                continue;
            }
            if (c.Accept("compression"))
            {
                column = column with { Compression = c.ExpectIdentifier("a compression method") };
                continue;
            }
            if (c.Accept("generated"))
            {
                if (c.Accept("always"))
                {
                    c.Expect("as");
                    if (c.Accept("identity"))
                    {
                        column = column with { Identity = ParseIdentityOptions(draft.Name, column.Name, always: true, column.Type) , NotNull = true };
                        continue;
                    }
                    var expr = CanonicalExpression(c.Normalize(c.CaptureParens()));
                    var stored = true;
                    if (c.Accept("virtual")) stored = false;
                    else c.Accept("stored");
                    column = column with { Generated = new GeneratedColumn(expr, stored) };
                    continue;
                }
                c.Expect("by");
                c.Expect("default");
                c.Expect("as");
                c.Expect("identity");
                column = column with { Identity = ParseIdentityOptions(draft.Name, column.Name, always: false, column.Type), NotNull = true };
                continue;
            }
            if (c.IsWord("check") || c.IsWord("unique") || c.IsWord("primary") || c.IsWord("references"))
            {
                var pc = ParseConstraintBody(constraintName, constraintToken, columnName: column.Name);
                if (pc.Kind == "primary" && PrimaryKeyImpliesNotNull(column)) column = column with { NotNull = true };
                pending.Add(pc);
                continue;
            }
            if (c.IsWord("not") && !c.IsWord(1, "deferrable"))
            {
                c.Pos++;
                throw c.Error("expected NULL or DEFERRABLE after NOT");
            }
            if (c.IsAnyWord("deferrable", "initially") || (c.IsWord("not") && c.IsWord(1, "deferrable")))
            {
                // Applies to the constraint just read.
                if (pending.Count > 0) pending[^1].Timing = ParseTiming(pending[^1].Timing);
                else ParseTiming(ConstraintTiming.Immediate);
                continue;
            }
            throw c.Error("expected a column constraint (NOT NULL, DEFAULT, CHECK, UNIQUE, PRIMARY KEY, REFERENCES, GENERATED, COLLATE)");
        }
        return column;
    }

    private Identity ParseIdentityOptions(QualifiedName table, string column, bool always, DataType type)
    {
        var c = _c;
        QualifiedName? seqName = null;
        var options = SequenceOptions.Default;
        if (c.Is(TokenKind.LParen))
        {
            var (s, e) = c.CaptureParens();
            var sub = c.Sub(s, e);
            options = ParseSequenceOptions(sub, options, out seqName);
        }
        var defaultName = new QualifiedName(table.Schema, MakeObjectName(table.Name, column, "seq"));
        ReserveRelationName(table.Schema, (seqName ?? defaultName).Name);
        return new Identity(always, NormalizeSequenceOptions(options, type.Text), seqName == defaultName ? null : seqName);
    }

    private void CreateSerialSequence(QualifiedName table, string column, DataType type, int token)
    {
        var seqName = new QualifiedName(table.Schema, ChooseRelationName(table.Schema, table.Name, column, "seq"));
        _sequences[seqName] = new Sequence(seqName, NormalizeSequenceOptions(SequenceOptions.Default with { DataType = type.Text }, "bigint"), new ColumnRef(table, column));
        Map(SourceKind.Sequence, seqName, token);
        var t = TableDraft.From(_tables[table]);
        var i = t.ColumnIndex(column);
        t.Columns[i] = t.Columns[i] with { Default = $"nextval('{PostgresQuoting.Name(seqName).Replace("'", "''", StringComparison.Ordinal)}'::regclass)" };
        _tables[table] = t.ToTable();
    }

    /// <summary>
    /// A column default as the server prints it: a bare string literal gets the cast the server adds for the column's
    /// type. Only for the types whose literal the server keeps as written (text, varchar, char, json, enums); a date or
    /// jsonb literal is reformatted by the server, which the offline normalizer cannot know, and is left as written.
    /// </summary>
    private protected virtual string? ColumnDefault(string expression, DataType type)
    {
        if (type.ArrayDimensions == 0 && expression.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            // The server keeps no default that is a null constant; under a type modifier the null goes through the
            // length coercion and is kept, printed with the type's name: NULL::character varying.
            var paren = type.Text.IndexOf('(', StringComparison.Ordinal);
            if (paren < 0) return type.Kind is TypeKind.User or TypeKind.Unknown ? expression : null;
            var bare = type.Text[..paren] + type.Text[(type.Text.IndexOf(')', StringComparison.Ordinal) + 1)..];
            return "null::" + (bare == "character" ? "bpchar" : bare);
        }
        if (type.ArrayDimensions > 0 || expression.Length < 2) return expression;
        var tokens = SqlLexer.Tokenize(expression);
        if (tokens.Count == 1 && tokens[0].Kind == TokenKind.String && expression[0] is 'x' or 'X' or 'b' or 'B' && BitString(expression) is { } bits)
        {
            // A bit-string constant is of type bit whatever the column: the server prints its bits.
            return $"'{bits}'::\"bit\"";
        }
        if (tokens.Count == 2 && tokens[0].Kind == TokenKind.Word && tokens[1].Kind == TokenKind.String && expression[tokens[1].Start] == '\''
            && CanonicalTypeName(expression[..tokens[0].Length].ToLowerInvariant()) is { } literalType && literalType == CanonicalTypeName(type.Text)
            && TypedLiteral(type.Text, expression[tokens[1].Start..]) is { } typed)
        {
            // date '2024-01-01' on a date column: the constant the server keeps, coerced to the column's type.
            return typed;
        }
        // Anything but a bare literal: written as the server prints it where that is certain (casts, operators, typed literals).
        if (expression[0] != '\'' || expression[^1] != '\'' || tokens.Count != 1 || tokens[0].Kind != TokenKind.String) return PostgresServerForm.RewriteDefault(expression);
        var cast = type.Text switch
        {
            "text" or "json" => type.Text,
            _ when type.Text.StartsWith("character varying", StringComparison.Ordinal) => "character varying",
            _ when type.Text == "character" || type.Text.StartsWith("character(", StringComparison.Ordinal) => "bpchar",
            _ when type.Kind == TypeKind.Enum && type.UserType is { } e && _enums.ContainsKey(e) => PostgresQuoting.Name(e),
            _ => null,
        };
        if (cast != null) return expression + "::" + cast;
        // Types whose literal the server prints in a form known here: the value coerced to the column's type.
        return TypedLiteral(type.Text, expression) ?? expression;
    }

    /// <summary>
    /// <c>type 'text'</c> (or a bare literal coerced to a column of that type) as the server prints the constant, for the
    /// types whose output form is certain offline; null for the rest (a timestamp is printed with its time and zone, an
    /// interval in its own units), which keep their text.
    /// </summary>
    private static string? TypedLiteral(string type, string literal)
    {
        if (literal.Length < 2 || literal[0] != '\'' || literal[^1] != '\'' || literal.Contains('\\', StringComparison.Ordinal)) return null;
        var value = literal[1..^1].Replace("''", "'", StringComparison.Ordinal);
        switch (type)
        {
            case "date" when DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                return literal + "::date";
            case "json":
                return literal + "::json";
            case "jsonb" when value is "{}" or "[]":
                return literal + "::jsonb";
            case "text":
                return literal + "::text";
            case "varchar" or "character varying":
                return literal + "::character varying";
            case "uuid" when Guid.TryParseExact(value, "D", out var id):
                return $"'{id:D}'::uuid";
            case "boolean" or "bool" when value.ToLowerInvariant() is "true" or "t" or "yes" or "on" or "1":
                return "true";
            case "boolean" or "bool" when value.ToLowerInvariant() is "false" or "f" or "no" or "off" or "0":
                return "false";
            // An int4 constant prints bare; an int8 or int2 one keeps a cast ('5'::bigint), left as written here.
            case "integer" or "int" or "int4" when value.Length is > 0 and < 10 && value.All(char.IsAsciiDigit):
                return value.TrimStart('0') is { Length: > 0 } digits ? digits : "0";
        }
        if (CanonicalTypeName(type) == "numeric" && PlainDecimal().IsMatch(value))
        {
            // A numeric constant keeps the digits it was written with (1.50 stays 1.50; the column's scale applies on
            // insert, not to the default's text).
            var parts = value.Split('.');
            var whole = parts[0].TrimStart('0') is { Length: > 0 } w ? w : "0";
            // A whole number is labelled ('5'::numeric); one with a point reads back as numeric and prints bare.
            return parts.Length > 1 ? whole + "." + parts[1] : $"'{whole}'::numeric";
        }
        return PostgresServerForm.Constant(type, literal);
    }

    /// <summary>One name per type for comparing a literal's type with a column's: null for the types not handled.</summary>
    private static string? CanonicalTypeName(string type) => type switch
    {
        "date" or "json" or "jsonb" or "text" or "uuid" => type,
        "varchar" or "character varying" => "character varying",
        "bool" or "boolean" => "boolean",
        "int" or "int4" or "integer" => "integer",
        "numeric" or "decimal" => "numeric",
        _ when type.StartsWith("numeric(", StringComparison.Ordinal) => "numeric",
        _ when type.StartsWith("character varying(", StringComparison.Ordinal) => "character varying",
        _ => null,
    };

    /// <summary>The bits of X'1F' (four per hex digit) or B'101', or null when it is not a bit-string constant.</summary>
    private static string? BitString(string literal)
    {
        if (literal.Length < 3 || literal[1] != '\'' || literal[^1] != '\'') return null;
        var body = literal[2..^1];
        if (literal[0] is 'b' or 'B') return body.All(ch => ch is '0' or '1') ? body : null;
        if (!body.All(char.IsAsciiHexDigit)) return null;
        return string.Concat(body.Select(ch => Convert.ToString(Convert.ToInt32(ch.ToString(), 16), 2).PadLeft(4, '0')));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9]+(\.[0-9]+)?$")]
    private static partial System.Text.RegularExpressions.Regex PlainDecimal();

    private ConstraintTiming ParseTiming(ConstraintTiming timing)
    {
        var c = _c;
        while (true)
        {
            if (c.Accept("deferrable")) timing = timing with { Deferrable = true };
            else if (c.Accept("not", "deferrable")) timing = timing with { Deferrable = false };
            else if (c.Accept("initially", "deferred")) timing = timing with { InitiallyDeferred = true };
            else if (c.Accept("initially", "immediate")) timing = timing with { InitiallyDeferred = false };
            else if (c.IsWord("initially"))
            {
                c.Pos++;
                throw c.Error("expected DEFERRED or IMMEDIATE after INITIALLY");
            }
            else return timing;
        }
    }

    private PendingConstraint ParseTableConstraint()
    {
        var c = _c;
        var token = c.Pos;
        string? name = null;
        if (c.Accept("constraint")) name = c.ExpectIdentifier("a constraint name");
        return ParseConstraintBody(name, token, columnName: null);
    }

    /// <summary>Reads CHECK / UNIQUE / PRIMARY KEY / FOREIGN KEY / REFERENCES / EXCLUDE, at table or column level.</summary>
    private PendingConstraint ParseConstraintBody(string? name, int token, string? columnName)
    {
        var c = _c;
        PendingConstraint pc;
        if (c.Accept("check"))
        {
            var range = c.CaptureParens();
            pc = new PendingConstraint { Kind = "check", Expression = CanonicalExpression(c.Normalize(range)) };
            pc.CheckColumns = IdentifiersIn(range);
            if (c.Accept("no", "inherit")) pc.NoInherit = true;
        }
        else if (c.Accept("unique"))
        {
            pc = new PendingConstraint { Kind = "unique" };
            AcceptConstraintSuffix(c, primaryKey: false);
            if (c.Accept("nulls", "not", "distinct")) pc.NullsNotDistinct = true;
            else c.Accept("nulls", "distinct");
            if (columnName != null && !c.Is(TokenKind.LParen)) pc.Columns.Add(columnName);
            else if (c.Is(TokenKind.LParen)) pc.Columns = ParseColumnList();
            else if (c.Accept("using", "index")) pc.UsingIndex = c.ExpectIdentifier("an index name");
            pc.IndexOptions = ParseIndexParameters();
        }
        else if (c.Accept("primary", "key"))
        {
            pc = new PendingConstraint { Kind = "primary" };
            AcceptConstraintSuffix(c, primaryKey: true);
            if (columnName != null && !c.Is(TokenKind.LParen)) pc.Columns.Add(columnName);
            else if (c.Is(TokenKind.LParen)) pc.Columns = ParseColumnList();
            else if (c.Accept("using", "index")) pc.UsingIndex = c.ExpectIdentifier("an index name");
            pc.IndexOptions = ParseIndexParameters();
        }
        else if (c.Accept("foreign", "key"))
        {
            pc = new PendingConstraint { Kind = "foreign", Columns = ParseColumnList() };
            c.Expect("references");
            ParseReferences(pc);
        }
        else if (c.Accept("references"))
        {
            pc = new PendingConstraint { Kind = "foreign" };
            if (columnName == null) throw c.Error("expected FOREIGN KEY (columns) before REFERENCES");
            pc.Columns.Add(columnName);
            ParseReferences(pc);
        }
        else if (c.Accept("exclude"))
        {
            pc = new PendingConstraint { Kind = "exclude" };
            if (c.Accept("using")) pc.Method = c.ExpectIdentifier("an index method");
            var (s, e) = c.CaptureParens();
            foreach (var (es, ee) in c.SplitTopLevel(s, e))
            {
                var sub = c.Sub(es, ee);
                var element = ParseIndexElement(sub, stopAtWith: true);
                sub.Expect("with");
                string op;
                if (sub.Accept("operator"))
                {
                    op = "OPERATOR(" + sub.Normalize(sub.CaptureParens()) + ")";
                }
                else
                {
                    if (sub.AtEnd) throw sub.Error("expected an operator after WITH");
                    op = sub.Normalize((sub.Pos, ee));
                    sub.Pos = ee;
                }
                pc.ExclusionElements.Add(new ExclusionElement(element, op));
            }
            pc.IndexOptions = ParseIndexParameters();
            if (c.Accept("where")) pc.Where = c.Normalize(c.CaptureParens());
        }
        else
        {
            throw c.Error("expected CHECK, UNIQUE, PRIMARY KEY, FOREIGN KEY or EXCLUDE");
        }
        pc.Name = name;
        pc.TokenIndex = token;
        pc.Timing = ParseTiming(pc.Timing);
        while (true)
        {
            if (c.Accept("not", "valid")) pc.NotValid = true;
            else if (c.Accept("no", "inherit")) pc.NoInherit = true;
            else if (c.Accept("not", "enforced") || c.Accept("enforced")) { }
            else break;
        }
        pc.Timing = ParseTiming(pc.Timing);
        return pc;
    }

    private List<string> IdentifiersIn((int Start, int End) range)
    {
        var c = _c;
        var names = new List<string>();
        for (var i = range.Start; i < range.End; i++)
        {
            var t = c[i];
            if (t.Kind is not (TokenKind.Word or TokenKind.QuotedIdentifier)) continue;
            if (i + 1 < range.End && c[i + 1].Kind == TokenKind.LParen) continue;
            if (i > range.Start && c[i - 1].Kind is TokenKind.DoubleColon) continue;
            var v = c.IdentifierValue(t);
            if (!names.Contains(v)) names.Add(v);
        }
        return names;
    }

    private void ParseReferences(PendingConstraint pc)
    {
        var c = _c;
        pc.RefParts = c.ExpectNameParts("a referenced table name");
        if (c.Is(TokenKind.LParen)) pc.RefColumns = ParseColumnList();
        while (!c.AtEnd)
        {
            if (c.Accept("match"))
            {
                if (c.Accept("full")) pc.Match = ForeignKeyMatch.Full;
                else if (c.Accept("partial")) pc.Match = ForeignKeyMatch.Partial;
                else if (c.Accept("simple")) pc.Match = ForeignKeyMatch.Simple;
                else throw c.Error("expected FULL, PARTIAL or SIMPLE");
                continue;
            }
            if (c.Accept("on", "delete"))
            {
                pc.OnDelete = ParseAction();
                if (c.Is(TokenKind.LParen) && pc.OnDelete is ForeignKeyAction.SetNull or ForeignKeyAction.SetDefault) pc.OnDeleteSetColumns = ParseColumnList();
                continue;
            }
            if (c.Accept("on", "update"))
            {
                pc.OnUpdate = ParseAction();
                continue;
            }
            break;
        }
    }

    private ForeignKeyAction ParseAction()
    {
        var c = _c;
        if (c.Accept("cascade")) return ForeignKeyAction.Cascade;
        if (c.Accept("restrict")) return ForeignKeyAction.Restrict;
        if (c.Accept("no", "action")) return ForeignKeyAction.NoAction;
        if (c.Accept("set", "null")) return ForeignKeyAction.SetNull;
        if (c.Accept("set", "default")) return ForeignKeyAction.SetDefault;
        throw c.Error("expected CASCADE, RESTRICT, NO ACTION, SET NULL or SET DEFAULT");
    }

    private List<string> ParseColumnList()
    {
        var c = _c;
        c.Expect(TokenKind.LParen);
        var list = new List<string>();
        if (c.Accept(TokenKind.RParen)) return list;
        do
        {
            list.Add(c.ExpectIdentifier("a column name"));
        }
        while (c.Accept(TokenKind.Comma));
        c.Expect(TokenKind.RParen);
        return list;
    }

    private IndexOptions ParseIndexParameters()
    {
        var c = _c;
        var include = new List<string>();
        string? with = null;
        string? tablespace = null;
        while (true)
        {
            if (c.Accept("include")) include = ParseColumnList();
            else if (c.IsWord("with") && c.Kind(1) == TokenKind.LParen)
            {
                c.Pos++;
                with = StorageParameters();
            }
            else if (c.Accept("using", "index", "tablespace")) tablespace = c.ExpectIdentifier("a tablespace name");
            else break;
        }
        return include.Count == 0 && with == null && tablespace == null ? IndexOptions.None : new IndexOptions(include.ToEquatableArray(), with, tablespace);
    }

    /// <summary>Names and adds the constraints read from one statement, in PostgreSQL's order: checks, index-backed, foreign keys.</summary>
    private void FinishConstraints(TableDraft draft, List<PendingConstraint> pending)
    {
        var schema = draft.Name.Schema;
        var table = draft.Name.Name;
        foreach (var pc in pending)
        {
            if (pc.Name == null) continue;
            if (pc.Kind is "primary" or "unique" or "exclude") ReserveRelationName(schema, pc.Name);
            ReserveConstraintName(schema, pc.Name);
        }
        foreach (var pc in pending.Where(p => p.Kind == "check"))
        {
            if (pc.Name == null)
            {
                var cols = pc.CheckColumns.Where(n => draft.ColumnIndex(n) >= 0).ToList();
                pc.Name = ChooseConstraintName(schema, table, cols.Count == 1 ? cols[0] : null, "check");
            }
            AddConstraint(draft, pc);
        }
        foreach (var pc in pending.Where(p => p.Kind is "primary" or "unique" or "exclude"))
        {
            if (pc.UsingIndex != null)
            {
                var idxName = new QualifiedName(schema, pc.UsingIndex);
                if (_indexes.Remove(idxName, out var idx))
                {
                    pc.Columns = idx.Elements.Select(e => e.Column ?? string.Empty).ToList();
                    pc.Name ??= pc.UsingIndex;
                    if (!idx.Include.IsEmpty || idx.With != null || idx.Tablespace != null) pc.IndexOptions = new IndexOptions(idx.Include, idx.With, idx.Tablespace);
                    pc.NullsNotDistinct = idx.NullsNotDistinct;
                }
                else
                {
                    UnknownObject($"index {PostgresQuoting.Name(idxName)}", pc.TokenIndex);
                    continue;
                }
            }
            if (pc.Name == null)
            {
                pc.Name = pc.Kind switch
                {
                    "primary" => ChooseRelationName(schema, table, null, "pkey"),
                    "unique" => ChooseRelationName(schema, table, JoinNames(pc.Columns), "key"),
                    _ => ChooseRelationName(schema, table, JoinNames(pc.ExclusionElements.Select(e => e.Element.Column ?? FigureExpressionName(e.Element.Expression))), "excl"),
                };
                ReserveConstraintName(schema, pc.Name);
            }
            AddConstraint(draft, pc);
        }
        foreach (var pc in pending.Where(p => p.Kind == "foreign"))
        {
            pc.Name ??= ChooseConstraintName(schema, table, JoinNames(pc.Columns), "fkey");
            AddConstraint(draft, pc);
        }
    }

    private static string FigureExpressionName(string? expression)
    {
        if (expression == null) return "expr";
        var paren = expression.IndexOf('(');
        if (paren > 0)
        {
            var head = expression[..paren];
            if (head.All(ch => SqlLexer.IsIdentPart(ch) || ch == '.' || ch == '"'))
            {
                var dot = head.LastIndexOf('.');
                return (dot >= 0 ? head[(dot + 1)..] : head).Trim('"');
            }
        }
        return "expr";
    }

    private void AddConstraint(TableDraft draft, PendingConstraint pc)
    {
        var name = pc.Name!;
        MapSet(SourceKind.Constraint, draft.Name, pc.TokenIndex, name);
        if (draft.HasConstraint(name))
        {
            Report(Diagnostics.Severity.Error, Diagnostics.DiagnosticCodes.DuplicateObject, $"constraint \"{name}\" already exists on table {PostgresQuoting.Name(draft.Name)}", SpanAt(pc.TokenIndex),
                "give the constraint a different name");
            return;
        }
        switch (pc.Kind)
        {
            case "check":
                draft.Checks.Add(new CheckConstraint(name, pc.Expression!, pc.NotValid, pc.NoInherit));
                break;
            case "primary":
                if (draft.PrimaryKey != null)
                {
                    Report(Diagnostics.Severity.Error, Diagnostics.DiagnosticCodes.DuplicateObject, $"table {PostgresQuoting.Name(draft.Name)} has more than one primary key", SpanAt(pc.TokenIndex),
                        "keep one PRIMARY KEY and make the other a UNIQUE constraint");
                    return;
                }
                draft.PrimaryKey = new PrimaryKey(name, pc.Columns.ToEquatableArray(), pc.IndexOptions, pc.Timing);
                foreach (var col in pc.Columns)
                {
                    var i = draft.ColumnIndex(col);
                    if (i >= 0) draft.Columns[i] = draft.Columns[i] with { NotNull = true };
                }
                break;
            case "unique":
                draft.Uniques.Add(new UniqueConstraint(name, pc.Columns.ToEquatableArray(), pc.NullsNotDistinct, pc.IndexOptions, pc.Timing));
                break;
            case "exclude":
                draft.Exclusions.Add(new ExclusionConstraint(name, pc.Method, pc.ExclusionElements.ToEquatableArray(), pc.IndexOptions, pc.Where, pc.Timing));
                break;
            case "foreign":
                var target = ResolveForeignTarget(pc.RefParts!, draft.Name);
                draft.ForeignKeys.Add(new ForeignKey(name, pc.Columns.ToEquatableArray(), target, pc.RefColumns.ToEquatableArray(),
                    pc.OnDelete, pc.OnUpdate, pc.Match, pc.Timing, pc.NotValid,
                    pc.OnDeleteSetColumns.Count == 0 ? EquatableArray<string>.Empty : pc.OnDeleteSetColumns.ToEquatableArray()));
                break;
        }
    }

    private QualifiedName ResolveForeignTarget(List<string> parts, QualifiedName self)
    {
        if (parts.Count == 1 && parts[0] == self.Name && !_tables.ContainsKey(new QualifiedName(CreationSchema(parts), parts[0]))) return self;
        return FindTable(parts) ?? QualifyForCreate(parts);
    }
}
