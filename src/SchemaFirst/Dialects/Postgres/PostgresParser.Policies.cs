using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

// CREATE POLICY and CREATE RULE.
internal partial class PostgresParser
{
    private void CreatePolicy()
    {
        var c = _c;
        var nameIndex = c.Pos;
        var name = c.ExpectIdentifier("a policy name");
        c.Expect("on");
        var tableIndex = c.Pos;
        var table = ResolveRelation(c.ExpectNameParts("a table name"));
        var permissive = true;
        var command = "ALL";
        var roles = new List<string>();
        string? usingExpr = null;
        string? withCheck = null;
        while (!c.AtEnd)
        {
            if (c.Accept("as"))
            {
                if (c.Accept("restrictive")) permissive = false;
                else c.Expect("permissive");
            }
            else if (c.Accept("for")) command = c.ExpectIdentifier("ALL, SELECT, INSERT, UPDATE or DELETE").ToUpperInvariant();
            else if (c.Accept("to"))
            {
                do
                {
                    roles.Add(c.ExpectIdentifier("a role name"));
                }
                while (c.Accept(TokenKind.Comma));
            }
            else if (c.Accept("using")) usingExpr = c.Normalize(c.CaptureParens());
            else if (c.Accept("with", "check")) withCheck = c.Normalize(c.CaptureParens());
            else throw c.Error("expected AS, FOR, TO, USING or WITH CHECK");
        }
        if (!_tables.ContainsKey(table)) UnknownObject($"table {PostgresQuoting.Name(table)}", tableIndex);
        if (roles.Count == 0) roles.Add("public");
        roles.Sort(StringComparer.Ordinal);
        var key = (table, name);
        if (_policies.ContainsKey(key))
        {
            DuplicateObject($"policy {name} on {PostgresQuoting.Name(table)}", nameIndex);
            return;
        }
        MapSet(SourceKind.Policy, table, nameIndex, name);
        _policies[key] = new Policy(name, table, permissive, command, roles.ToEquatableArray(), usingExpr, withCheck);
    }

    private void CreateRule()
    {
        var c = _c;
        var nameIndex = c.Pos;
        var name = c.ExpectIdentifier("a rule name");
        c.Expect("as");
        c.Expect("on");
        var evt = c.ExpectIdentifier("SELECT, INSERT, UPDATE or DELETE").ToUpperInvariant();
        c.Expect("to");
        var table = ResolveRelation(c.ExpectNameParts("a table name"));
        var rest = c.Normalize((c.Pos, c.End), stripOuterParens: false);
        var definition = $"AS ON {evt} TO {PostgresQuoting.Name(table)} {rest}";
        MapSet(SourceKind.Rule, table, nameIndex, name);
        _rules[(table, name)] = new Rule(name, table, definition, _rules.GetValueOrDefault((table, name))?.Comment);
    }
}
