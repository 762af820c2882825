namespace SchemaFirst.Diagnostics;

/// <summary>
/// Represents the stable diagnostic codes, in families: SF1xx input files, SF2xx lexical, SF3xx statements,
/// SF4xx semantic checks, SF5xx target dialects, SF6xx diff and plan, SF7xx seed data. Codes never change meaning once released.
/// </summary>
public static class DiagnosticCodes
{
    public const string FileNotFound = "SF101";
    public const string EmptyFile = "SF102";
    public const string BinaryFile = "SF103";
    public const string InvalidUtf8 = "SF104";
    public const string NoInput = "SF105";
    public const string ConfigInvalid = "SF106";

    public const string UnterminatedString = "SF201";
    public const string UnterminatedQuotedIdentifier = "SF202";
    public const string UnterminatedComment = "SF203";
    public const string UnterminatedDollarQuote = "SF204";
    public const string UnexpectedCharacter = "SF205";
    public const string UnterminatedCopyData = "SF206";

    public const string SyntaxError = "SF301";
    public const string UnsupportedStatement = "SF302";
    public const string OpaqueDoBlock = "SF303";
    public const string MetaCommandSkipped = "SF304";
    public const string DatabaseStatementIgnored = "SF305";
    public const string UnknownObject = "SF306";
    public const string UnknownDirective = "SF307";
    public const string UnbalancedParentheses = "SF308";
    public const string ObjectReplaced = "SF309";
    public const string InvalidPrivilege = "SF310";
    public const string DevDatabaseRefused = "SF311";
    public const string DirectiveWithoutObject = "SF312";
    public const string DependentObject = "SF313";

    public const string ForeignKeyTableMissing = "SF401";
    public const string ForeignKeyColumnMissing = "SF402";
    public const string ForeignKeyTargetNotUnique = "SF403";
    public const string ForeignKeyTypeMismatch = "SF404";
    public const string DuplicateObject = "SF405";
    public const string DuplicateIndexName = "SF406";
    public const string ColumnMissing = "SF407";
    public const string EnumDefaultInvalid = "SF408";
    public const string ViewReferenceMissing = "SF409";
    public const string IndexTableMissing = "SF410";
    public const string DuplicateColumn = "SF411";
    public const string TypeMissing = "SF412";
    public const string ForeignKeyColumnCount = "SF413";

    public const string ChangeNotPlanned = "SF601";
    public const string InvalidIndex = "SF602";

    public const string SeedStatement = "SF701";
    public const string SeedTable = "SF702";
    public const string SeedColumn = "SF703";
    public const string SeedRequired = "SF704";
    public const string SeedValueCount = "SF705";
    public const string SeedValue = "SF706";
    public const string SeedNoKey = "SF707";
}
