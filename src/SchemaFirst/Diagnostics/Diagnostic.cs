namespace SchemaFirst.Diagnostics;

/// <summary>
/// Represents one problem found in the input: where, how serious, a stable code, what is wrong and what to do.
/// </summary>
/// <param name="Severity">Error, warning or info.</param>
/// <param name="Code">A stable code such as <c>SF301</c> (see <see cref="DiagnosticCodes"/>).</param>
/// <param name="Message">What is wrong, naming the object.</param>
/// <param name="Location">Where, when known.</param>
/// <param name="Help">What to do about it, when there is something to say.</param>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceSpan? Location = null, string? Help = null);
