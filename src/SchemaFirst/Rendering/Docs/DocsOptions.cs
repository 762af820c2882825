namespace SchemaFirst.Rendering.Docs;

/// <summary>
/// Represents how a docs site is cut: how far a table's neighbourhood diagram reaches, how many tables one diagram may
/// hold before a schema is drawn only as neighbourhoods, and the most neighbours one diagram shows.
/// </summary>
/// <param name="Distance">Foreign-key hops a table's neighbourhood diagram reaches (tbls' default is 1).</param>
/// <param name="MaxDiagramTables">The most tables of one schema drawn in one schema diagram; above it, only neighbourhoods.</param>
/// <param name="MaxNeighbours">The most neighbours a table's diagram shows (the rest are listed on its page).</param>
public sealed record DocsOptions(int Distance = 1, int MaxDiagramTables = 60, int MaxNeighbours = 30);
