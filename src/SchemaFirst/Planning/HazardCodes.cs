namespace SchemaFirst.Planning;

/// <summary>
/// Represents the stable hazard codes of planned statements, in families as Atlas and squawk name them: DS1xx
/// destructive, MF1xx may fail on existing data, LK1xx takes strong locks or rewrites, BC1xx backward-incompatible
/// for code that is running. Codes never change meaning once released.
/// </summary>
public static class HazardCodes
{
    public const string DropTable = "DS101";
    public const string DropColumn = "DS102";
    public const string DropSchema = "DS103";
    public const string DropType = "DS104";
    public const string DropSequence = "DS105";
    public const string NarrowingType = "DS106";
    public const string DropMaterializedView = "DS107";

    public const string SetNotNull = "MF101";
    public const string AddUnique = "MF102";
    public const string AddForeignKey = "MF103";
    public const string AddCheck = "MF104";
    public const string TypeCast = "MF105";
    public const string AddNotNullColumn = "MF106";

    public const string IndexWithoutConcurrently = "LK101";
    public const string TableRewrite = "LK102";
    public const string ValidatingConstraint = "LK103";

    public const string Rename = "BC101";
    public const string DropUsedByCode = "BC102";
}
