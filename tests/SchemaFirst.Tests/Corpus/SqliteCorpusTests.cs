using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects.Sqlite;
using SchemaFirst.Loading;
using SchemaFirst.Validation;

namespace SchemaFirst.Tests.Corpus;

public class SqliteCorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in CorpusFiles.Sqlite) data.Add(f.Path);
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Sqlite_files_parse_with_the_manifest_counts_and_round_trip(string path)
    {
        if (!TestPaths.CorpusAvailable()) return;
        var result = SqlSource.LoadSqlite([Path.Combine(TestPaths.Corpus, path)]);
        var errors = result.Diagnostics.Concat(SchemaValidator.Validate(result.Model, result.SourceMap)).Where(d => d.Severity != Severity.Info).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(d => DiagnosticTextFormatter.Format(d, (_, _) => null))));
        var model = result.Model;
        Assert.Equal("sqlite", model.SourceDialect);
        var counts = new Dictionary<string, long>
        {
            ["tables"] = model.Tables.Count, ["indexes"] = model.Indexes.Count, ["triggers"] = model.Triggers.Count, ["views"] = model.Views.Count,
        };
        foreach (var (name, expected) in CorpusFiles.Sqlite.Single(f => f.Path == path).Counts) Assert.True(expected == counts[name], $"{name}: expected {expected}, counted {counts[name]}");
        var notes = new List<Diagnostic>();
        var sql = SqliteSqlGenerator.Generate(model, notes);
        Assert.DoesNotContain(notes, n => n.Severity != Severity.Info);
        ModelAssert.Equal(model, SqlSource.ParseSqlite(sql, "rendered.sql").Model);
    }

    [Fact]
    public void Sqlite_syntax_is_read_as_written()
    {
        var r = SqlSource.ParseSqlite("""
            PRAGMA foreign_keys = ON;
            CREATE TABLE [Artist] ([ArtistId] INTEGER PRIMARY KEY AUTOINCREMENT, `Name` NVARCHAR(120) NOT NULL ON CONFLICT ABORT);
            CREATE TABLE Album (AlbumId INTEGER NOT NULL, Title NVARCHAR(160), ArtistId INTEGER NOT NULL,
              CONSTRAINT PK_Album PRIMARY KEY (AlbumId),
              FOREIGN KEY (ArtistId) REFERENCES Artist (ArtistId) ON DELETE NO ACTION) WITHOUT ROWID, STRICT;
            CREATE TRIGGER album_touch AFTER UPDATE ON Album FOR EACH ROW BEGIN UPDATE Album SET Title = Title WHERE AlbumId = NEW.AlbumId; END;
            CREATE VIEW v AS SELECT [Name] FROM [Artist];
            """);
        Assert.DoesNotContain(r.Diagnostics, d => d.Severity != Severity.Info);
        var artist = r.Model.Tables.Single(t => t.Name.Name == "Artist");
        Assert.Equal(("main", "INTEGER", "NVARCHAR(120)"), (artist.Name.Schema, artist.Columns[0].Type.Text, artist.Columns[1].Type.Text));
        Assert.NotNull(artist.Columns[0].Identity);
        var album = r.Model.Tables.Single(t => t.Name.Name == "Album");
        Assert.Equal(("PK_Album", "WITHOUT ROWID, STRICT"), (album.PrimaryKey!.Name, album.With));
        Assert.Equal("Artist", Assert.Single(album.ForeignKeys).ReferencedTable.Name);
        Assert.Contains("begin update album set title = title where albumid = new.albumid; end", Assert.Single(r.Model.Triggers).Definition);
        Assert.Equal(1, r.Statistics.SessionSettings);
    }
}
