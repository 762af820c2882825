namespace SchemaFirst.Model;

/// <summary>
/// Represents the referential action of a foreign key on delete or update.
/// </summary>
public enum ForeignKeyAction
{
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,
}
