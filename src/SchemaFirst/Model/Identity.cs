namespace SchemaFirst.Model;

/// <summary>
/// Represents an identity column: GENERATED ALWAYS or BY DEFAULT, with its sequence options and, when it is not the default one, its sequence name.
/// </summary>
public sealed record Identity(bool Always, SequenceOptions Options, QualifiedName? SequenceName = null);
