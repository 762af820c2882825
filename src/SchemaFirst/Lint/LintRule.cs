using SchemaFirst.Diagnostics;

namespace SchemaFirst.Lint;

/// <summary>
/// Represents a lint rule: a stable code in a family, a kebab-case name, a default severity, and the text
/// <c>lint --explain</c> prints (why it exists, an example that fires, one that does not, how to fix it). The examples are
/// also the rule's first tests: the bad one must fire, the good one must not.
/// </summary>
public abstract class LintRule
{
    /// <summary>The stable code: NM naming, KY keys, CL columns, TY types, DC documentation, AN anomalies, DF declarative files, MG migrations, LN lint itself.</summary>
    public abstract string Code { get; }

    /// <summary>The kebab-case name, usable in schemafirst.yaml instead of the code.</summary>
    public abstract string Name { get; }

    /// <summary>One line: what the rule checks.</summary>
    public abstract string Summary { get; }

    /// <summary>Why the rule exists, in a few sentences.</summary>
    public abstract string Why { get; }

    /// <summary>SQL that makes the rule fire.</summary>
    public abstract string Bad { get; }

    /// <summary>SQL, close to <see cref="Bad"/>, that does not.</summary>
    public abstract string Good { get; }

    /// <summary>How to fix a finding.</summary>
    public abstract string Fix { get; }

    public virtual Severity DefaultSeverity => Severity.Warning;

    /// <summary>Whether the rule runs with no configuration; opinionated rules wait to be switched on.</summary>
    public virtual bool OnByDefault => true;

    /// <summary>The options the rule reads from schemafirst.yaml, with their defaults, for --explain and the conventions page.</summary>
    public virtual IReadOnlyList<(string Name, string Default, string Meaning)> Options => [];

    /// <summary>The options the examples are judged with (they show a configured rule), or none.</summary>
    public virtual IReadOnlyDictionary<string, object?>? ExampleOptions => null;

    /// <summary>The family the code belongs to.</summary>
    public string Family => Code[..2] switch
    {
        "NM" => "naming",
        "KY" => "keys",
        "CL" => "columns",
        "TY" => "types",
        "DC" => "documentation",
        "AN" => "anomalies",
        "DF" => "declarative files",
        "MG" => "migration safety",
        _ => "lint",
    };
}

/// <summary>
/// Represents a rule over a whole schema (read from files or a live database).
/// </summary>
public abstract class SchemaRule : LintRule
{
    /// <summary>Whether the rule's advice holds for a model of this engine (a SQLite INTEGER PRIMARY KEY is its rowid, not a too-small key).</summary>
    public virtual bool AppliesTo(string dialect) => true;

    public abstract IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings);
}

/// <summary>
/// Represents a rule over the statements of a migration (a hand-written file or a generated plan).
/// </summary>
public abstract class MigrationRule : LintRule
{
    public override Severity DefaultSeverity => Severity.Error;

    /// <summary>Whether the rule means anything for migrations of this engine (most are about PostgreSQL's locks).</summary>
    public virtual bool AppliesTo(string dialect) => dialect == "postgres";

    public abstract IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings);
}
