namespace SchemaFirst.IntegrationTests;

/// <summary>
/// Represents the tests that make scratch databases through --dev-url or plan: they run one class at a time, so that a
/// test checking that no scratch database is left behind does not see another test's, still in use.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ScratchDatabases
{
    public const string Name = "scratch databases";
}
