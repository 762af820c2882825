using SchemaFirst.Dialects.Postgres;

namespace SchemaFirst.Tests.Parsing;

public class DefaultNameTests
{
    [Fact]
    public void Unnamed_constraints_and_indexes_get_postgres_default_names()
    {
        var db = Sql.Clean("""
            CREATE TABLE p (id int PRIMARY KEY, a int, b int, UNIQUE (a, b), CHECK (a > 0), CHECK (a < b));
            CREATE TABLE c (id int, p_id int REFERENCES p, CHECK (p_id > 0), CHECK (p_id > 1));
            CREATE INDEX ON p (a);
            CREATE INDEX ON p (a);
            CREATE INDEX ON p (lower(a::text), a, a);
            """);
        var p = db.Table("p");
        Assert.Equal("p_pkey", p.PrimaryKey!.Name);
        Assert.Equal("p_a_b_key", p.Uniques[0].Name);
        Assert.Equal(["p_a_check", "p_check"], p.Checks.Select(c => c.Name));
        var c = db.Table("c");
        Assert.Equal("c_p_id_fkey", c.ForeignKeys[0].Name);
        Assert.Equal(["c_p_id_check", "c_p_id_check1"], c.Checks.Select(x => x.Name));
        Assert.Equal(["p_a_idx", "p_a_idx1", "p_lower_a_a1_idx"], db.Indexes.Select(i => i.Name.Name));
    }

    [Fact]
    public void Long_default_names_are_clipped_to_63_bytes_like_postgres()
    {
        var table = new string('t', 60);
        var column = new string('c', 40);
        var name = PostgresParser.MakeObjectName(table, column, "fkey");
        Assert.Equal(63, name.Length);
        // The longer part is shortened first, until both fit: 29 + 1 + 28 + 1 + 4.
        Assert.Equal(new string('t', 29) + "_" + new string('c', 28) + "_fkey", name);
        // Byte-wise, never cutting a multi-byte character: 29 two-byte characters and "_pkey" are 63 bytes.
        var accented = PostgresParser.MakeObjectName(new string('é', 40), null, "pkey");
        Assert.Equal(new string('é', 29) + "_pkey", accented);
        Assert.Equal(63, System.Text.Encoding.UTF8.GetByteCount(accented));
    }
}
