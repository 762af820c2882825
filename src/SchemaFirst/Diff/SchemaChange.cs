using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>
/// Represents one structural difference between two models, as data (Atlas' <c>AddTable</c>, <c>ModifyColumn</c>):
/// what to do (<see cref="Verb"/>) to which object (<see cref="Subject"/>). The differ yields them without knowing any
/// dialect; a dialect's migration generator turns them into SQL.
/// </summary>
public abstract record SchemaChange
{
    /// <summary>add, drop, modify or rename.</summary>
    public abstract string Verb { get; }

    /// <summary>The object the change is about, as messages show it.</summary>
    public abstract string Subject { get; }

    /// <summary>One line for plan output: "add table public.orders".</summary>
    public string Describe() => Verb + " " + Subject;

    private protected static string Q(string part) => QualifiedName.Display(part);

    /// <summary>Flags as words: "Type, Nullability" becomes "type, nullability", "StorageParameters" "storage parameters".</summary>
    private protected static string Words(Enum flags) =>
        System.Text.RegularExpressions.Regex.Replace(flags.ToString(), "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();

    private protected static string Kind(Routine r) => r.Kind switch
    {
        RoutineKind.Procedure => "procedure",
        RoutineKind.Aggregate => "aggregate",
        _ => "function",
    };
}

/// <summary>Represents a change as a saved plan records it: its kind, verb and subject, for messages and history.</summary>
public sealed record RecordedChange(string RecordedKind, string RecordedVerb, string RecordedSubject) : SchemaChange
{
    public override string Verb => RecordedVerb;

    public override string Subject => RecordedSubject;
}
