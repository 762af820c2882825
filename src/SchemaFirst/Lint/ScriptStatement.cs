using SchemaFirst.Diagnostics;
using SchemaFirst.Model;

namespace SchemaFirst.Lint;

/// <summary>
/// Represents one statement of a migration or a schema file as lint sees it: what it does (verb and object kind), the
/// object, the flags that matter for safety (CONCURRENTLY, IF [NOT] EXISTS, CASCADE, UNIQUE), and for ALTER TABLE each
/// action. Statements lint does not need to understand are kept with <see cref="Verb"/> "other".
/// </summary>
public sealed class ScriptStatement
{
    public required string Sql { get; init; }

    /// <summary>Where the statement starts; for a generated plan, none.</summary>
    public SourceSpan? Location { get; init; }

    /// <summary>A name for the statement's origin in fingerprints: the file name, or "plan".</summary>
    public required string Origin { get; init; }

    /// <summary>The rule codes <c>-- schemafirst:ignore</c> comments on the statement suppress, with where each stands.</summary>
    public IReadOnlyList<SourceDirective> Ignores { get; init; } = [];

    /// <summary>The schema an unqualified name is in (public; main for SQLite).</summary>
    public string DefaultSchema { get; init; } = "public";

    /// <summary>create, alter, drop, truncate, begin, commit, rollback, set, comment, insert, update, delete, other.</summary>
    public string Verb { get; set; } = "other";

    /// <summary>table, index, type, domain, database, view, materialized view, schema, sequence, function, ...</summary>
    public string ObjectKind { get; set; } = string.Empty;

    public QualifiedName? Target { get; set; }

    /// <summary>For CREATE INDEX, the table; for ALTER TABLE and TRUNCATE, the (first) table.</summary>
    public QualifiedName? Table { get; set; }

    public List<QualifiedName> Tables { get; } = [];

    public bool Concurrently { get; set; }

    public bool IfNotExists { get; set; }

    public bool IfExists { get; set; }

    public bool Unique { get; set; }

    public bool Cascade { get; set; }

    /// <summary>CREATE INDEX ... ON ONLY a partitioned table: instant, the partitions' indexes are attached later.</summary>
    public bool Only { get; set; }

    /// <summary>For SET / SET LOCAL: the setting's name (lower case) and its value as written.</summary>
    public string? Setting { get; set; }

    public string? SettingValue { get; set; }

    /// <summary>Whether the statement runs inside a transaction (an explicit BEGIN, an assumed wrapper, or a plan's transaction).</summary>
    public bool InTransaction { get; set; }

    /// <summary>For CREATE TABLE: its columns; for ALTER TABLE: what each action does.</summary>
    public List<TableAction> Actions { get; } = [];

    /// <summary>For CREATE TYPE ... AS ENUM / ALTER TYPE: the labels or the value added, renamed.</summary>
    public string? TypeAction { get; set; }

    /// <summary>For CREATE TYPE ... AS ENUM: its labels in order.</summary>
    public List<string> EnumLabels { get; } = [];

    /// <summary>Names the statement gives to new objects (table, index, constraint, column), to check their length.</summary>
    public List<string> NewNames { get; } = [];

    /// <summary>A short description for fingerprints and messages: "alter table public.orders".</summary>
    public string Describe() => (Verb + " " + ObjectKind).Trim() + (Target != null ? " " + Target : string.Empty);
}

/// <summary>
/// Represents one action of an ALTER TABLE (or one column of a CREATE TABLE).
/// </summary>
/// <param name="Kind">add column, drop column, alter type, set not null, drop not null, set default, drop default, add constraint, drop constraint, validate constraint, rename column, rename table, rename constraint, set schema, attach partition, other.</param>
public sealed record TableAction(string Kind, string? Column = null, string? TypeText = null)
{
    public bool NotNull { get; init; }

    public string? Default { get; init; }

    public bool PrimaryKey { get; init; }

    /// <summary>For constraints: primary key, foreign key, unique, check, exclude.</summary>
    public string? ConstraintKind { get; init; }

    public string? ConstraintName { get; init; }

    public bool NotValid { get; init; }

    public bool UsingIndex { get; init; }

    /// <summary>The USING expression of a type change.</summary>
    public string? Using { get; init; }

    public string? NewName { get; init; }

    /// <summary>Whether the column is an identity or serial column (its values come from a sequence).</summary>
    public bool Generated { get; init; }
}
