using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Replaces a routine whose signature stays (CREATE OR REPLACE).</summary>
public sealed record ReplaceRoutine(Routine From, Routine To) : SchemaChange
{
    public override string Verb => "modify";

    public override string Subject => $"{Kind(To)} {To.Signature}";
}
