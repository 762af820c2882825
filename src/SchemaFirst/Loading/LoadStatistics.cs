namespace SchemaFirst.Loading;

/// <summary>
/// Represents what a load read but did not turn into schema objects, so nothing is skipped silently.
/// </summary>
public sealed class LoadStatistics
{
    public int Files { get; set; }

    public int Statements { get; set; }

    /// <summary>INSERT statements (data, counted and skipped).</summary>
    public int DataStatements { get; set; }

    /// <summary>Rows of COPY ... FROM stdin data skipped.</summary>
    public long CopyRows { get; set; }

    /// <summary>SET and set_config statements (session settings; search_path is honoured).</summary>
    public int SessionSettings { get; set; }

    /// <summary>ALTER ... OWNER TO statements (ownership is environment specific and not modelled).</summary>
    public int OwnershipStatements { get; set; }

    /// <summary>COMMENT ON EXTENSION statements (the extension's own text, not the schema's).</summary>
    public int ExtensionComments { get; set; }

    /// <summary>BEGIN, COMMIT and the like.</summary>
    public int TransactionStatements { get; set; }

    /// <summary>psql meta-commands such as \connect.</summary>
    public int MetaCommands { get; set; }

    /// <summary>Statements kept verbatim because they are not modelled.</summary>
    public int KeptVerbatim { get; set; }

    /// <summary>Statements left out by a <c>-- schemafirst:skip</c> directive.</summary>
    public int SkippedByDirective { get; set; }

    /// <summary>Statements with a syntax error (reported, kept verbatim).</summary>
    public int Errors { get; set; }
}
