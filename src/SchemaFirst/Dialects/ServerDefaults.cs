namespace SchemaFirst.Dialects;

/// <summary>
/// Represents where a server URL connects when it leaves parts out: the port, the database, the user (or the
/// environment variable that names one), and the environment variable that holds the password.
/// </summary>
public sealed record ServerDefaults(int Port, string Database, string User, string? UserVariable = null, string? PasswordVariable = null);
