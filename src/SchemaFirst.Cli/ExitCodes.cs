namespace SchemaFirst.Cli;

/// <summary>
/// Represents the documented exit codes that CI scripts branch on.
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int Changes = 2;
    public const int Usage = 3;
    public const int Runtime = 4;
}
