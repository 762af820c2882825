using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Sets or removes the comment of an object.</summary>
public sealed record SetComment(CommentTarget Target, string? From, string? To) : SchemaChange
{
    public override string Verb => "modify";

    public override string Subject => $"comment on {Target}";
}
