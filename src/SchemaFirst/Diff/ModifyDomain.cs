using SchemaFirst.Model;

namespace SchemaFirst.Diff;

/// <summary>Changes a domain in place: its default, NOT NULL and checks (the base type and collation stay).</summary>
public sealed record ModifyDomain(DomainType From, DomainType To) : SchemaChange
{
    public override string Verb => "modify";

    public override string Subject => $"domain {To.Name}";
}
