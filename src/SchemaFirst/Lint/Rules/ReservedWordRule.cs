using SchemaFirst.Sql;

namespace SchemaFirst.Lint.Rules;

/// <summary>NM103: no identifier is a reserved word of a target engine.</summary>
public sealed class ReservedWordRule : SchemaRule
{
    private static readonly Dictionary<string, HashSet<string>> Others = new(StringComparer.Ordinal)
    {
        ["mysql"] = new(StringComparer.Ordinal)
        {
            "add", "all", "alter", "and", "as", "asc", "before", "between", "by", "call", "case", "change", "check", "column", "condition",
            "constraint", "create", "cross", "current_date", "current_time", "current_timestamp", "current_user", "database", "databases",
            "default", "delete", "desc", "describe", "distinct", "div", "drop", "else", "exists", "explain", "false", "fetch", "for", "force",
            "foreign", "from", "fulltext", "group", "groups", "having", "if", "in", "index", "inner", "insert", "interval", "into", "is",
            "join", "key", "keys", "kill", "lead", "left", "like", "limit", "lines", "load", "lock", "match", "mod", "natural", "not", "null",
            "on", "option", "or", "order", "outer", "partition", "primary", "range", "rank", "read", "references", "release", "rename",
            "repeat", "replace", "require", "return", "right", "row", "rows", "schema", "select", "set", "show", "signal", "table", "then",
            "to", "trigger", "true", "union", "unique", "update", "usage", "use", "using", "values", "when", "where", "while", "with", "write",
        },
        ["sqlserver"] = new(StringComparer.Ordinal)
        {
            "add", "all", "alter", "and", "any", "as", "asc", "authorization", "backup", "begin", "between", "break", "browse", "bulk", "by",
            "cascade", "case", "check", "checkpoint", "close", "clustered", "column", "commit", "compute", "constraint", "contains",
            "continue", "convert", "create", "cross", "current", "cursor", "database", "deallocate", "declare", "default", "delete", "deny",
            "desc", "disk", "distinct", "distributed", "double", "drop", "dump", "else", "end", "errlvl", "escape", "except", "exec",
            "execute", "exists", "exit", "external", "fetch", "file", "fillfactor", "for", "foreign", "from", "full", "function", "goto",
            "grant", "group", "having", "holdlock", "identity", "if", "in", "index", "insert", "intersect", "into", "is", "join", "key",
            "kill", "left", "like", "lineno", "load", "merge", "national", "nocheck", "nonclustered", "not", "null", "nullif", "of", "off",
            "offsets", "on", "open", "option", "or", "order", "outer", "over", "percent", "pivot", "plan", "precision", "primary", "print",
            "proc", "procedure", "public", "raiserror", "read", "readtext", "references", "replication", "restore", "restrict", "return",
            "revert", "revoke", "right", "rollback", "rowcount", "rule", "save", "schema", "select", "session_user", "set", "setuser",
            "shutdown", "some", "statistics", "system_user", "table", "textsize", "then", "to", "top", "tran", "transaction", "trigger",
            "truncate", "union", "unique", "unpivot", "update", "use", "user", "values", "varying", "view", "waitfor", "when", "where",
            "while", "with",
        },
        ["oracle"] = new(StringComparer.Ordinal)
        {
            "access", "add", "all", "alter", "and", "any", "as", "asc", "audit", "between", "by", "char", "check", "cluster", "column",
            "comment", "compress", "connect", "create", "current", "date", "decimal", "default", "delete", "desc", "distinct", "drop",
            "else", "exclusive", "exists", "file", "float", "for", "from", "grant", "group", "having", "identified", "immediate", "in",
            "increment", "index", "initial", "insert", "integer", "intersect", "into", "is", "level", "like", "lock", "long", "maxextents",
            "minus", "mode", "modify", "noaudit", "nocompress", "not", "nowait", "null", "number", "of", "offline", "on", "online", "option",
            "or", "order", "pctfree", "prior", "public", "raw", "rename", "resource", "revoke", "row", "rowid", "rownum", "rows", "select",
            "session", "set", "share", "size", "smallint", "start", "successful", "synonym", "sysdate", "table", "then", "to", "trigger",
            "uid", "union", "unique", "update", "user", "validate", "values", "varchar", "varchar2", "view", "whenever", "where", "with",
        },
    };

    public override string Code => "NM103";
    public override string Name => "reserved-word";
    public override string Summary => "No table, column or other name is a reserved word of a target engine (PostgreSQL, and those listed in targets).";
    public override string Why => "A reserved word works only when quoted, in every query, by every tool and ORM, forever; the first unquoted use is a syntax error far from the schema. A name reserved in another engine you generate for breaks there the same way.";
    public override string Bad => "CREATE TABLE orders (id bigint PRIMARY KEY, \"user\" text, \"order\" integer);";
    public override string Good => "CREATE TABLE orders (id bigint PRIMARY KEY, user_name text, position integer);";
    public override string Fix => "rename it (user -> user_name, order -> sort_order); -- schemafirst:renamed-from keeps the data";
    public override IReadOnlyList<(string Name, string Default, string Meaning)> Options => [("targets", "postgres", "engines whose reserved words count: postgres, mysql, sqlserver, oracle")];

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        var targets = settings.List("targets", ["postgres"]).Select(t => t.ToLowerInvariant()).ToList();
        foreach (var (kind, name, finding) in NamedObjects.Of(context))
        {
            var lower = name.ToLowerInvariant();
            var engines = new List<string>();
            if (targets.Contains("postgres") && CanonicalIdentifier.IsUnusableBare(lower)) engines.Add("PostgreSQL");
            foreach (var t in targets)
            {
                if (Others.TryGetValue(t, out var words) && words.Contains(lower)) engines.Add(t switch { "mysql" => "MySQL", "sqlserver" => "SQL Server", _ => "Oracle" });
            }
            if (engines.Count > 0) yield return finding(this, settings, $"{kind} name \"{name}\" is a reserved word in {string.Join(", ", engines)} and must be quoted everywhere");
        }
    }
}
