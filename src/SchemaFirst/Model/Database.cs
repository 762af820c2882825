namespace SchemaFirst.Model;

/// <summary>
/// Represents a whole schema: every object, each collection in canonical order (by name), so that two models of the
/// same schema are equal records whatever order their source declared them in. <see cref="SourceDialect"/> says
/// whose spelling the type texts and expressions are in ("postgres" or "sqlite").
/// </summary>
public sealed record Database(
    EquatableArray<SchemaDef> Schemas,
    EquatableArray<Extension> Extensions,
    EquatableArray<EnumType> Enums,
    EquatableArray<DomainType> Domains,
    EquatableArray<CompositeType> CompositeTypes,
    EquatableArray<OtherType> OtherTypes,
    EquatableArray<Sequence> Sequences,
    EquatableArray<Table> Tables,
    EquatableArray<SchemaIndex> Indexes,
    EquatableArray<IndexAttachment> IndexAttachments,
    EquatableArray<View> Views,
    EquatableArray<Routine> Routines,
    EquatableArray<Trigger> Triggers,
    EquatableArray<Policy> Policies,
    EquatableArray<Rule> Rules,
    EquatableArray<Grant> Grants,
    EquatableArray<OpaqueStatement> Opaque,
    string SourceDialect = "postgres",
    EquatableArray<DefaultPrivilege> DefaultPrivileges = default)
{
    public static Database Empty { get; } = new(
        default, default, default, default, default, default, default, default, default, default, default, default,
        default, default, default, default, default);

    public Table? FindTable(QualifiedName name)
    {
        foreach (var t in Tables)
        {
            if (t.Name == name) return t;
        }
        return null;
    }
}
