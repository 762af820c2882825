using SchemaFirst.Model;

namespace SchemaFirst.Dialects;

/// <summary>
/// Represents what <c>generate sql --dialect</c> can write DDL for. Every full dialect (<see cref="ISqlDialect"/>: parse,
/// inspect, plan, apply) is one; a generation-only target (MySQL and MariaDB until their parser and inspector land) is
/// one without the rest. Listed in <see cref="SqlDialects.Targets"/>.
/// </summary>
public interface IDdlTarget
{
    /// <summary>The canonical name (<c>--dialect</c>).</summary>
    string Name { get; }

    /// <summary>The name in messages.</summary>
    string DisplayName { get; }

    /// <summary>Other names <c>--dialect</c> accepts.</summary>
    IReadOnlyList<string> Aliases { get; }

    /// <summary>Canonical, dependency-ordered DDL for the model, with notes on what the target could not express.</summary>
    GeneratedSql Generate(Database model, SqlGenerationOptions options);

    /// <summary>Whether <see cref="SqlGenerationOptions.IfNotExists"/> means anything for this target.</summary>
    bool WritesIfNotExistsStyle { get; }
}
