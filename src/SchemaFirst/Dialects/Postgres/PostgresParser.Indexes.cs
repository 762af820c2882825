using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

internal partial class PostgresParser
{
    private void CreateIndex()
    {
        var c = _c;
        var unique = c.Accept("unique");
        c.Expect("index");
        c.Accept("concurrently");
        var ifNotExists = c.Accept("if", "not", "exists");
        string? name = null;
        var nameIndex = c.Pos;
        if (!c.IsWord("on"))
        {
            name = c.ExpectIdentifier("an index name");
            if (c.Accept(TokenKind.Dot)) name = c.ExpectIdentifier("an index name"); // index schema is the table's
        }
        c.Expect("on");
        var only = c.Accept("only");
        var tableIndex = c.Pos;
        var tableParts = c.ExpectNameParts("a table name");
        var table = FindTable(tableParts) ?? ResolveRelation(tableParts);
        var method = "btree";
        if (c.Accept("using")) method = c.ExpectIdentifier("an index method");
        var (s, e) = c.CaptureParens();
        var elements = new List<IndexElement>();
        foreach (var (es, ee) in c.SplitTopLevel(s, e))
        {
            var sub = c.Sub(es, ee);
            elements.Add(WithoutDefaultOperatorClass(ParseIndexElement(sub, stopAtWith: false), method, table));
            if (sub.Pos < ee) throw sub.Error("unexpected text in index element");
        }
        var include = new List<string>();
        var nullsNotDistinct = false;
        string? with = null;
        string? tablespace = null;
        string? where = null;
        while (!c.AtEnd)
        {
            if (c.Accept("include")) include = ParseColumnList();
            else if (c.Accept("nulls", "not", "distinct")) nullsNotDistinct = true;
            else if (c.Accept("nulls", "distinct")) { }
            else if (c.Accept("with")) with = StorageParameters();
            else if (c.Accept("tablespace")) tablespace = c.ExpectIdentifier("a tablespace name");
            else if (c.Accept("where")) where = CanonicalExpression(c.Normalize(c.CaptureUntil(_ => false, stopAtComma: false)));
            else throw c.Error("expected INCLUDE, NULLS, WITH, TABLESPACE, WHERE or the end of the statement");
        }
        if (!_tables.ContainsKey(table) && !_views.ContainsKey(table))
        {
            Report(Diagnostics.Severity.Error, Diagnostics.DiagnosticCodes.IndexTableMissing, $"index {(name ?? "(unnamed)")} is on table {PostgresQuoting.Name(table)}, which does not exist at this point",
                SpanAt(tableIndex), "create the table before its indexes, or fix the name");
        }
        var chosen = name == null;
        if (name == null)
        {
            // The server names an index after all its columns, the INCLUDE ones too, and ends it in _idx even when it is
            // unique (_key is for UNIQUE constraints).
            var colNames = new List<string>();
            foreach (var baseName in elements.Select(el => el.Column ?? FigureExpressionName(el.Expression)).Concat(include))
            {
                var candidate = baseName;
                for (var i = 1; colNames.Contains(candidate); i++) candidate = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                colNames.Add(candidate);
            }
            name = ChooseRelationName(table.Schema, table.Name, JoinNames(colNames), "idx");
        }
        var qualified = new QualifiedName(table.Schema, name);
        // Every relation name in use (tables, views, sequences, indexes, indexes behind constraints) is in
        // _relationNames; a default name was just chosen (and reserved) to be free.
        if (!chosen && (_relationNames.Contains(qualified) || _indexes.ContainsKey(qualified)))
        {
            if (!ifNotExists)
            {
                Report(Diagnostics.Severity.Error, Diagnostics.DiagnosticCodes.DuplicateIndexName,
                    $"an index or relation named {PostgresQuoting.Name(qualified)} already exists (index names are unique per schema in PostgreSQL)", SpanAt(nameIndex),
                    "give this index a different name");
            }
            return;
        }
        ReserveRelationName(table.Schema, name);
        MapSet(SourceKind.Index, qualified, nameIndex);
        _indexes[qualified] = new SchemaIndex(qualified, table, unique, method, elements.ToEquatableArray(), include.ToEquatableArray(), where,
            nullsNotDistinct, with, tablespace, only);
    }

    /// <summary>
    /// An index key without its operator class when that is the default b-tree class of the column's type: the server
    /// does not print a default class (<c>text_ops</c> on text, <c>int4_ops</c> on integer, ...).
    /// </summary>
    private protected IndexElement WithoutDefaultOperatorClass(IndexElement element, string method, QualifiedName table)
    {
        if (element.OperatorClass == null || element.Column == null || method is not ("btree" or "gin") || !_tables.TryGetValue(table, out var t)) return element;
        var type = t.FindColumn(element.Column)?.Type;
        if (type == null || (type.ArrayDimensions > 0 && method == "btree")) return element;
        var defaults = method == "gin" ? type.ArrayDimensions > 0 ? ["array_ops"] : type.Text == "jsonb" ? ["jsonb_ops"] : [] : type.Text switch
        {
            "text" => new[] { "text_ops" },
            _ when type.Text.StartsWith("character varying", StringComparison.Ordinal) => ["text_ops", "varchar_ops"],
            _ when type.Text == "character" || type.Text.StartsWith("character(", StringComparison.Ordinal) => ["bpchar_ops"],
            "integer" => ["int4_ops"],
            "bigint" => ["int8_ops"],
            "smallint" => ["int2_ops"],
            "uuid" => ["uuid_ops"],
            "date" => ["date_ops"],
            "boolean" => ["bool_ops"],
            "numeric" => ["numeric_ops"],
            _ when type.Text.StartsWith("timestamp", StringComparison.Ordinal) && type.Text.EndsWith("with time zone", StringComparison.Ordinal) => ["timestamptz_ops"],
            _ when type.Text.StartsWith("timestamp", StringComparison.Ordinal) => ["timestamp_ops"],
            _ => [],
        };
        var name = element.OperatorClass.Split('.')[^1];
        return defaults.Contains(name) && (element.OperatorClass == name || element.OperatorClass.StartsWith("pg_catalog.", StringComparison.Ordinal)) ? element with { OperatorClass = null } : element;
    }

    /// <summary>Reads one index key: column or (expression) or function call, then COLLATE, opclass, ASC/DESC, NULLS.</summary>
    private IndexElement ParseIndexElement(TokenCursor c, bool stopAtWith)
    {
        string? column = null;
        string? expression = null;
        if (c.Is(TokenKind.LParen))
        {
            expression = CanonicalExpression(c.Normalize(c.CaptureParens()));
        }
        else if (c.IsIdentifier() && (c.Kind(1) == TokenKind.LParen || (c.Kind(1) == TokenKind.Dot && c.Kind(3) == TokenKind.LParen)))
        {
            var start = c.Pos;
            c.ExpectNameParts();
            c.SkipParens();
            expression = CanonicalExpression(c.Normalize((start, c.Pos)));
        }
        else
        {
            column = c.ExpectIdentifier("a column name or (expression)");
        }
        string? collation = null;
        string? opclass = null;
        var desc = false;
        bool? nullsFirst = null;
        while (c.Pos < c.End)
        {
            if (c.Accept("collate"))
            {
                collation = string.Join(".", c.ExpectNameParts("a collation").Select(PostgresQuoting.Quote));
                continue;
            }
            if (c.Accept("asc"))
            {
                desc = false;
                continue;
            }
            if (c.Accept("desc"))
            {
                desc = true;
                continue;
            }
            if (c.Accept("nulls", "first"))
            {
                nullsFirst = true;
                continue;
            }
            if (c.Accept("nulls", "last"))
            {
                nullsFirst = false;
                continue;
            }
            if (stopAtWith && c.IsWord("with")) break;
            if (c.IsIdentifier() && opclass == null)
            {
                var start = c.Pos;
                c.ExpectNameParts("an operator class");
                if (c.Is(TokenKind.LParen)) c.SkipParens();
                opclass = c.Normalize((start, c.Pos), stripOuterParens: false);
                continue;
            }
            break;
        }
        // NULLS LAST is the default for ASC and NULLS FIRST for DESC: keep only a non-default choice.
        if (nullsFirst == desc) nullsFirst = null;
        return new IndexElement(column, expression, collation, opclass, desc, nullsFirst);
    }

    private void AlterIndex()
    {
        var c = _c;
        c.Accept("if", "exists");
        var nameIndex = c.Pos;
        var parts = c.ExpectNameParts("an index name");
        var parent = ResolveRelation(parts);
        if (c.Accept("attach", "partition"))
        {
            var childParts = c.ExpectNameParts("an index name");
            var child = ResolveRelation(childParts);
            c.ExpectEnd();
            _attachments.Add(new IndexAttachment(parent, child));
            return;
        }
        if (c.Accept("rename", "to"))
        {
            var newName = new QualifiedName(parent.Schema, c.ExpectIdentifier("an index name"));
            if (_indexes.Remove(parent, out var idx))
            {
                _indexes[newName] = idx with { Name = newName };
                ReserveRelationName(newName.Schema, newName.Name);
                return;
            }
            UnknownObject($"index {PostgresQuoting.Name(parent)}", nameIndex);
            return;
        }
        if (c.Accept("set", "tablespace"))
        {
            var ts = c.ExpectIdentifier("a tablespace name");
            if (_indexes.TryGetValue(parent, out var idx)) _indexes[parent] = idx with { Tablespace = ts };
            return;
        }
        KeepOpaque("ALTER INDEX");
    }

    private void CreateView(bool materialized, bool recursive, bool temporary)
    {
        var c = _c;
        if (temporary)
        {
            KeepOpaque("CREATE TEMPORARY VIEW", why: "temporary views are not part of a schema");
            return;
        }
        var ifNotExists = c.Accept("if", "not", "exists");
        var nameIndex = c.Pos;
        var name = QualifyForCreate(c.ExpectNameParts("a view name"));
        var columns = new List<string>();
        if (c.Is(TokenKind.LParen)) columns = ParseColumnList();
        string? with = null;
        string? tablespace = null;
        while (!c.IsWord("as"))
        {
            if (c.Accept("with")) with = StorageParameters();
            else if (c.Accept("using")) c.ExpectIdentifier("an access method");
            else if (c.Accept("tablespace")) tablespace = c.ExpectIdentifier("a tablespace name");
            else throw c.Error("expected AS and the view's query");
        }
        c.Expect("as");
        var queryStart = c.Pos;
        var queryEnd = c.End;
        string? checkOption = null;
        var withNoData = false;
        // Trailing WITH [CASCADED|LOCAL] CHECK OPTION, or WITH [NO] DATA for materialized views.
        if (queryEnd - queryStart >= 2)
        {
            if (materialized && IsWordAt(queryEnd - 1, "data"))
            {
                if (IsWordAt(queryEnd - 2, "no") && IsWordAt(queryEnd - 3, "with"))
                {
                    withNoData = true;
                    queryEnd -= 3;
                }
                else if (IsWordAt(queryEnd - 2, "with"))
                {
                    queryEnd -= 2;
                }
            }
            else if (IsWordAt(queryEnd - 1, "option") && IsWordAt(queryEnd - 2, "check"))
            {
                var at = queryEnd - 3;
                checkOption = "CASCADED";
                if (IsWordAt(at, "local") || IsWordAt(at, "cascaded"))
                {
                    checkOption = c.TextOf(c[at]).ToUpperInvariant();
                    at--;
                }
                if (IsWordAt(at, "with")) queryEnd = at;
                else checkOption = null;
            }
        }
        if (queryEnd <= queryStart) throw c.Error("expected the view's query after AS");
        var query = c.Normalize((queryStart, queryEnd), stripOuterParens: true);
        if (_views.ContainsKey(name) || _tables.ContainsKey(name) || _sequences.ContainsKey(name))
        {
            var replace = IsWordAt(1, "or") || (IsWordAt(0, "create") && IsWordAt(2, "replace"));
            if (ifNotExists) return;
            if (!(replace && _views.ContainsKey(name)))
            {
                DuplicateObject($"relation {PostgresQuoting.Name(name)}", nameIndex);
                return;
            }
        }
        ReserveRelationName(name.Schema, name.Name);
        MapSet(SourceKind.View, name, nameIndex);
        var existing = _views.GetValueOrDefault(name);
        _views[name] = new View(name, query, materialized, columns.ToEquatableArray(), with, checkOption, recursive, withNoData, tablespace,
            existing?.Comment, existing?.ColumnComments ?? default);
    }

    private bool IsWordAt(int index, string word)
    {
        if (index < 0 || index >= _c.End) return false;
        var t = _c[index];
        return t.Kind == TokenKind.Word && _c.Span(t).Equals(word, StringComparison.OrdinalIgnoreCase);
    }
}
