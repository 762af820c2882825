namespace SchemaFirst.Diagnostics;

/// <summary>
/// Represents how serious a diagnostic is; errors make <c>validate</c> exit 1.
/// </summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}
