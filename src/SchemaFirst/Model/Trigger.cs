namespace SchemaFirst.Model;

/// <summary>
/// Represents a trigger on a table or view; the definition after the name is kept as normalized SQL text.
/// </summary>
/// <param name="Name">The trigger name.</param>
/// <param name="Table">The table or view it fires on.</param>
/// <param name="Definition">Everything from the timing keyword to the end, e.g. <c>BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f()</c>.</param>
/// <param name="Constraint">True for CREATE CONSTRAINT TRIGGER.</param>
/// <param name="Function">The function it executes, when it is one of the model's or written qualified.</param>
/// <param name="Comment">The comment.</param>
/// <param name="Enabled">The ENABLE/DISABLE state when set by ALTER TABLE (null: enabled, the default).</param>
public sealed record Trigger(
    string Name,
    QualifiedName Table,
    string Definition,
    bool Constraint,
    QualifiedName? Function,
    string? Comment = null,
    string? Enabled = null);
