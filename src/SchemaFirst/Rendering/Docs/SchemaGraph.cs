using SchemaFirst.Model;

namespace SchemaFirst.Rendering.Docs;

/// <summary>
/// Represents the tables of a model and the foreign keys between them, both ways, for pages and diagrams.
/// </summary>
public sealed class SchemaGraph
{
    private readonly Dictionary<QualifiedName, Table> _tables;
    private readonly Dictionary<QualifiedName, List<(Table From, ForeignKey Key)>> _incoming = new();

    private readonly Dictionary<QualifiedName, List<Table>> _partitions;

    public SchemaGraph(Database db)
    {
        Model = db;
        _partitions = db.Tables.Where(t => t.PartitionOf != null).GroupBy(t => t.PartitionOf!.Parent).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Name).ToList());
        _tables = db.Tables.Where(t => t.PartitionOf == null).ToDictionary(t => t.Name);
        foreach (var t in _tables.Values.OrderBy(t => t.Name))
        {
            foreach (var fk in t.ForeignKeys)
            {
                if (!_incoming.TryGetValue(fk.ReferencedTable, out var list)) _incoming[fk.ReferencedTable] = list = [];
                list.Add((t, fk));
            }
        }
    }

    public Database Model { get; }

    /// <summary>The documented tables in name order (partitions are documented on their parent's page).</summary>
    public IEnumerable<Table> Tables => _tables.Values.OrderBy(t => t.Name);

    public Table? Find(QualifiedName name) => _tables.GetValueOrDefault(name);

    /// <summary>The partitions of a partitioned table, by name (they are documented on its page).</summary>
    public IReadOnlyList<Table> PartitionsOf(QualifiedName table) => _partitions.TryGetValue(table, out var list) ? list : [];

    /// <summary>The foreign keys of other tables (and the table itself) that reference a table.</summary>
    public IReadOnlyList<(Table From, ForeignKey Key)> Incoming(QualifiedName table) => _incoming.TryGetValue(table, out var list) ? list : [];

    /// <summary>
    /// The tables within <paramref name="distance"/> foreign-key hops of a table (either way), nearest first, the table
    /// itself first; at most <paramref name="max"/> besides it, and how many more there were.
    /// </summary>
    public (List<Table> Tables, int Left) Neighbourhood(Table focus, int distance, int max)
    {
        var seen = new HashSet<QualifiedName> { focus.Name };
        var result = new List<Table> { focus };
        var frontier = new List<Table> { focus };
        var left = 0;
        for (var d = 0; d < distance && frontier.Count > 0; d++)
        {
            var next = new List<Table>();
            foreach (var t in frontier)
            {
                var near = t.ForeignKeys.Select(f => f.ReferencedTable).Concat(Incoming(t.Name).Select(i => i.From.Name)).Distinct().Order();
                foreach (var n in near)
                {
                    if (!seen.Add(n) || Find(n) is not { } table) continue;
                    if (result.Count > max)
                    {
                        left++;
                        continue;
                    }
                    result.Add(table);
                    next.Add(table);
                }
            }
            frontier = next;
        }
        return (result, left);
    }

    /// <summary>The file name stem of a table's (or view's) pages: schema.name, with characters no file should hold replaced.</summary>
    public static string Stem(QualifiedName name) => Safe(name.Schema) + "." + Safe(name.Name);

    private static string Safe(string part)
    {
        var chars = part.Select(c => char.IsLetterOrDigit(c) || c is '_' or '-' ? c : '_').ToArray();
        var safe = new string(chars);
        // Two names that differ only in what was replaced must not share a file: a short hash tells them apart.
        if (safe == part) return part;
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(part));
        return safe + "-" + Convert.ToHexStringLower(hash.AsSpan(0, 3));
    }
}
