using System.Globalization;
using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

internal partial class PostgresParser
{
    private bool TypeExists(QualifiedName name) =>
        _enums.ContainsKey(name) || _domains.ContainsKey(name) || _composites.ContainsKey(name) || _otherTypes.ContainsKey(name);

    private void CreateType()
    {
        var c = _c;
        var nameIndex = c.Pos;
        var name = QualifyForCreate(c.ExpectNameParts("a type name"));
        if (TypeExists(name) && !(_otherTypes.TryGetValue(name, out var shell) && shell.Kind == "shell"))
        {
            DuplicateObject($"type {PostgresQuoting.Name(name)}", nameIndex);
            return;
        }
        MapSet(SourceKind.Type, name, nameIndex);
        if (c.AtEnd)
        {
            _otherTypes[name] = new OtherType(name, "shell", string.Empty);
            return;
        }
        if (c.Accept("as", "enum"))
        {
            var labels = new List<string>();
            c.Expect(TokenKind.LParen);
            if (!c.Accept(TokenKind.RParen))
            {
                do
                {
                    labels.Add(c.ExpectString("an enum label"));
                }
                while (c.Accept(TokenKind.Comma));
                c.Expect(TokenKind.RParen);
            }
            c.ExpectEnd();
            _otherTypes.Remove(name);
            _enums[name] = new EnumType(name, labels.ToEquatableArray());
            return;
        }
        if (c.Accept("as", "range"))
        {
            var def = c.NormalizeParenthesized();
            c.ExpectEnd();
            _otherTypes[name] = new OtherType(name, "range", def);
            return;
        }
        if (c.Accept("as"))
        {
            var attrs = new List<CompositeAttribute>();
            c.Expect(TokenKind.LParen);
            if (!c.Accept(TokenKind.RParen))
            {
                do
                {
                    var attrName = c.ExpectIdentifier("an attribute name");
                    var type = ParseType(c);
                    string? collation = null;
                    if (c.Accept("collate")) collation = string.Join(".", c.ExpectNameParts("a collation"));
                    attrs.Add(new CompositeAttribute(attrName, type, collation));
                }
                while (c.Accept(TokenKind.Comma));
                c.Expect(TokenKind.RParen);
            }
            c.ExpectEnd();
            _otherTypes.Remove(name);
            _composites[name] = new CompositeType(name, attrs.ToEquatableArray());
            return;
        }
        if (c.Is(TokenKind.LParen))
        {
            var def = c.NormalizeParenthesized();
            c.ExpectEnd();
            _otherTypes[name] = new OtherType(name, "base", def);
            return;
        }
        throw c.Error("expected AS ENUM, AS RANGE, AS (attributes) or (base type options)");
    }

    private void AlterType()
    {
        var c = _c;
        var nameIndex = c.Pos;
        var parts = c.ExpectNameParts("a type name");
        var name = ResolveType(parts)?.Name ?? QualifyForCreate(parts);
        if (c.Accept("add", "value"))
        {
            var ifNotExists = c.Accept("if", "not", "exists");
            var label = c.ExpectString("an enum label");
            if (!_enums.TryGetValue(name, out var e))
            {
                UnknownObject($"enum type {PostgresQuoting.Name(name)}", nameIndex);
                return;
            }
            if (e.Labels.Contains(label))
            {
                if (!ifNotExists) DuplicateObject($"enum label '{label}' of {PostgresQuoting.Name(name)}", nameIndex);
                return;
            }
            var labels = e.Labels.ToList();
            if (c.Accept("before")) labels.Insert(Math.Max(0, labels.IndexOf(c.ExpectString("an enum label"))), label);
            else if (c.Accept("after"))
            {
                var at = labels.IndexOf(c.ExpectString("an enum label"));
                labels.Insert(at < 0 ? labels.Count : at + 1, label);
            }
            else labels.Add(label);
            _enums[name] = e with { Labels = labels.ToEquatableArray() };
            return;
        }
        if (c.Accept("rename", "value"))
        {
            var from = c.ExpectString();
            c.Expect("to");
            var to = c.ExpectString();
            if (_enums.TryGetValue(name, out var e)) _enums[name] = e with { Labels = e.Labels.Select(l => l == from ? to : l).ToEquatableArray() };
            else UnknownObject($"enum type {PostgresQuoting.Name(name)}", nameIndex);
            return;
        }
        KeepOpaque("ALTER TYPE");
    }

    private void CreateDomain()
    {
        var c = _c;
        var nameIndex = c.Pos;
        var name = QualifyForCreate(c.ExpectNameParts("a domain name"));
        c.Accept("as");
        var baseType = ParseType(c);
        var domain = new DomainType(name, baseType);
        var checks = new List<CheckConstraint>();
        while (!c.AtEnd)
        {
            string? constraintName = null;
            if (c.Accept("constraint")) constraintName = c.ExpectIdentifier("a constraint name");
            if (c.Accept("collate")) domain = domain with { Collation = string.Join(".", c.ExpectNameParts("a collation")) };
            else if (c.Accept("default")) domain = domain with { Default = CanonicalExpression(c.Normalize(c.CaptureUntil(x => x.IsAnyWord("constraint", "not", "null", "check", "collate")))) };
            else if (c.Accept("not", "null")) domain = domain with { NotNull = true };
            else if (c.Accept("null")) domain = domain with { NotNull = false };
            else if (c.Accept("check"))
            {
                var expr = CanonicalExpression(c.Normalize(c.CaptureParens()));
                var notValid = c.Accept("not", "valid");
                checks.Add(new CheckConstraint(constraintName ?? ChooseConstraintName(name.Schema, name.Name, null, "check"), expr, notValid));
                if (constraintName != null) ReserveConstraintName(name.Schema, constraintName);
            }
            else throw c.Error("expected DEFAULT, NOT NULL, NULL, CHECK or COLLATE");
        }
        if (TypeExists(name))
        {
            DuplicateObject($"type {PostgresQuoting.Name(name)}", nameIndex);
            return;
        }
        MapSet(SourceKind.Type, name, nameIndex);
        _domains[name] = domain with { Checks = checks.ToEquatableArray() };
    }

    private void AlterDomain()
    {
        var c = _c;
        var nameIndex = c.Pos;
        var parts = c.ExpectNameParts("a domain name");
        var name = ResolveType(parts)?.Name ?? QualifyForCreate(parts);
        if (!_domains.TryGetValue(name, out var d))
        {
            UnknownObject($"domain {PostgresQuoting.Name(name)}", nameIndex);
            return;
        }
        if (c.Accept("add"))
        {
            string? constraintName = null;
            if (c.Accept("constraint")) constraintName = c.ExpectIdentifier("a constraint name");
            c.Expect("check");
            var expr = CanonicalExpression(c.Normalize(c.CaptureParens()));
            var notValid = c.Accept("not", "valid");
            var check = new CheckConstraint(constraintName ?? ChooseConstraintName(name.Schema, name.Name, null, "check"), expr, notValid);
            _domains[name] = d with { Checks = d.Checks.Append(check).ToEquatableArray() };
            return;
        }
        if (c.Accept("drop", "constraint"))
        {
            c.Accept("if", "exists");
            var cn = c.ExpectIdentifier();
            _domains[name] = d with { Checks = d.Checks.Where(x => x.Name != cn).ToEquatableArray() };
            return;
        }
        if (c.Accept("set", "default"))
        {
            _domains[name] = d with { Default = c.Normalize(c.CaptureUntil(_ => false)) };
            return;
        }
        if (c.Accept("drop", "default"))
        {
            _domains[name] = d with { Default = null };
            return;
        }
        if (c.Accept("set", "not", "null"))
        {
            _domains[name] = d with { NotNull = true };
            return;
        }
        if (c.Accept("drop", "not", "null"))
        {
            _domains[name] = d with { NotNull = false };
            return;
        }
        if (c.Accept("validate", "constraint"))
        {
            var cn = c.ExpectIdentifier();
            _domains[name] = d with { Checks = d.Checks.Select(x => x.Name == cn ? x with { NotValid = false } : x).ToEquatableArray() };
            return;
        }
        KeepOpaque("ALTER DOMAIN");
    }

    private void CreateSequence(bool unlogged)
    {
        var c = _c;
        var ifNotExists = c.Accept("if", "not", "exists");
        var nameIndex = c.Pos;
        var name = QualifyForCreate(c.ExpectNameParts("a sequence name"));
        var options = ParseSequenceOptions(c, SequenceOptions.Default, out _, out var ownedBy);
        c.ExpectEnd();
        if (_sequences.ContainsKey(name) || _tables.ContainsKey(name) || _views.ContainsKey(name))
        {
            if (!ifNotExists) DuplicateObject($"relation {PostgresQuoting.Name(name)}", nameIndex);
            return;
        }
        ReserveRelationName(name.Schema, name.Name);
        MapSet(SourceKind.Sequence, name, nameIndex);
        _sequences[name] = new Sequence(name, NormalizeSequenceOptions(options, "bigint"), ownedBy, unlogged);
    }

    private void AlterSequence()
    {
        var c = _c;
        var ifExists = c.Accept("if", "exists");
        var nameIndex = c.Pos;
        var parts = c.ExpectNameParts("a sequence name");
        var name = ResolveRelation(parts);
        if (!_sequences.TryGetValue(name, out var seq))
        {
            if (!ifExists) UnknownObject($"sequence {PostgresQuoting.Name(name)}", nameIndex);
            return;
        }
        if (c.Accept("rename", "to"))
        {
            var renamed = new QualifiedName(name.Schema, c.ExpectIdentifier("a sequence name"));
            _sequences.Remove(name);
            _sequences[renamed] = seq with { Name = renamed };
            MoveRelationGrants(name, renamed);
            return;
        }
        if (c.IsWord("set") && c.IsWord(1, "schema"))
        {
            KeepOpaque("ALTER SEQUENCE SET SCHEMA");
            return;
        }
        var current = seq.Options;
        var options = ParseSequenceOptions(c, current, out _, out var ownedBy, alter: true);
        c.ExpectEnd();
        _sequences[name] = seq with
        {
            Options = NormalizeSequenceOptions(options, "bigint"),
            OwnedBy = ownedBy ?? (_ownedByNone ? null : seq.OwnedBy),
        };
    }

    private bool _ownedByNone;

    private SequenceOptions ParseSequenceOptions(TokenCursor c, SequenceOptions options, out QualifiedName? sequenceName) =>
        ParseSequenceOptions(c, options, out sequenceName, out _);

    /// <summary>Reads sequence options in any order (CREATE/ALTER SEQUENCE and identity columns).</summary>
    private SequenceOptions ParseSequenceOptions(TokenCursor c, SequenceOptions options, out QualifiedName? sequenceName, out ColumnRef? ownedBy, bool alter = false)
    {
        sequenceName = null;
        ownedBy = null;
        _ownedByNone = false;
        while (c.Pos < c.End && !c.AtEnd)
        {
            if (c.Accept("as"))
            {
                options = options with { DataType = ParseType(c).Text };
            }
            else if (c.Accept("increment"))
            {
                c.Accept("by");
                options = options with { Increment = ReadLong(c) };
            }
            else if (c.Accept("minvalue")) options = options with { MinValue = ReadLong(c) };
            else if (c.Accept("no", "minvalue")) options = options with { MinValue = null };
            else if (c.Accept("maxvalue")) options = options with { MaxValue = ReadLong(c) };
            else if (c.Accept("no", "maxvalue")) options = options with { MaxValue = null };
            else if (c.Accept("start"))
            {
                c.Accept("with");
                options = options with { Start = ReadLong(c) };
            }
            else if (c.Accept("restart"))
            {
                if (c.Accept("with") || c.Is(TokenKind.Number) || c.IsOperator("-")) ReadLong(c);
            }
            else if (c.Accept("cache")) options = options with { Cache = ReadLong(c) };
            else if (c.Accept("no", "cycle")) options = options with { Cycle = false };
            else if (c.Accept("cycle")) options = options with { Cycle = true };
            else if (c.Accept("owned", "by"))
            {
                if (c.Accept("none"))
                {
                    _ownedByNone = true;
                }
                else
                {
                    var parts = c.ExpectNameParts("table.column");
                    if (parts.Count < 2) throw c.Error("expected OWNED BY table.column");
                    var column = parts[^1];
                    var tableParts = parts.Take(parts.Count - 1).ToList();
                    ownedBy = new ColumnRef(FindTable(tableParts) ?? QualifyForCreate(tableParts), column);
                }
            }
            else if (c.Accept("sequence", "name"))
            {
                var parts = c.ExpectNameParts("a sequence name");
                sequenceName = QualifyForCreate(parts);
            }
            else if (c.Accept("logged") || c.Accept("unlogged")) { }
            else throw c.Error("expected a sequence option (AS, INCREMENT, MINVALUE, MAXVALUE, START, CACHE, CYCLE, OWNED BY)");
        }
        return options;
    }

    private static long ReadLong(TokenCursor c)
    {
        var negative = false;
        if (c.IsOperator("-"))
        {
            negative = true;
            c.Pos++;
        }
        else if (c.IsOperator("+"))
        {
            c.Pos++;
        }
        // Parsed with its sign: -9223372036854775808 (bigint's minimum) has no positive counterpart.
        if (!c.Is(TokenKind.Number) || !long.TryParse((negative ? "-" : string.Empty) + c.Span(c.Current).ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            throw c.Error("expected a whole number");
        }
        c.Pos++;
        return v;
    }

    /// <summary>
    /// Replaces values that equal PostgreSQL's defaults with null, so <c>START WITH 1 NO MINVALUE CACHE 1</c> and
    /// nothing at all are the same options.
    /// </summary>
    internal static SequenceOptions NormalizeSequenceOptions(SequenceOptions o, string columnOrSequenceType)
    {
        var type = o.DataType ?? columnOrSequenceType;
        if (type is not ("smallint" or "integer" or "bigint")) type = "bigint";
        var increment = o.Increment ?? 1;
        var ascending = increment > 0;
        var typeMax = PostgresTypeMapper.MaxValueOf(type);
        var typeMin = PostgresTypeMapper.MinValueOf(type);
        var defaultMin = ascending ? 1 : typeMin;
        var defaultMax = ascending ? typeMax : -1;
        var min = o.MinValue ?? defaultMin;
        var max = o.MaxValue ?? defaultMax;
        var defaultStart = ascending ? min : max;
        return new SequenceOptions(
            DataType: o.DataType == null || o.DataType == columnOrSequenceType ? null : o.DataType,
            Increment: increment == 1 ? null : increment,
            MinValue: min == defaultMin ? null : min,
            MaxValue: max == defaultMax ? null : max,
            Start: (o.Start ?? defaultStart) == defaultStart ? null : o.Start,
            Cache: o.Cache is null or 1 ? null : o.Cache,
            Cycle: o.Cycle);
    }
}
