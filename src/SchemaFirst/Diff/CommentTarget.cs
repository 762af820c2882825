using SchemaFirst.Diagnostics;
using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>
/// Represents the object a comment is on: its kind, its name (for a column or constraint, its table's), and the member.
/// </summary>
public sealed record CommentTarget(SourceKind Kind, QualifiedName Name, string? Member = null)
{
    public override string ToString() => Kind switch
    {
        SourceKind.Schema => "schema " + QualifiedName.Display(Name.Schema),
        SourceKind.Routine => "routine " + Name + "(" + Member + ")",
        SourceKind.Constraint or SourceKind.Trigger or SourceKind.Policy => Kind.ToString().ToLowerInvariant() + " " + QualifiedName.Display(Member!) + " on " + Name,
        _ => Kind.ToString().ToLowerInvariant() + " " + Name + (Member != null ? "." + QualifiedName.Display(Member) : string.Empty),
    };
}
