using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects.Oracle;
using SchemaFirst.Dialects.SqlServer;
using SchemaFirst.Model;

namespace SchemaFirst.Tests.Parsing;

/// <summary>
/// T-SQL and Oracle scripts that change what they created (migration scripts, EF Core and SSDT output, the plans
/// SchemaFirst writes for those engines) read as the engine would run them: each ALTER, DROP and rename takes effect,
/// and what the engine refuses is an error at its line, never a model the engine would not hold.
/// </summary>
public sealed class ScriptReplayTests
{
    private static (Database Model, List<Diagnostic> Errors) TSql(string sql)
    {
        var r = SqlServerReader.Read([("m.sql", sql)]);
        return (r.Model, r.Diagnostics.Where(d => d.Severity == Severity.Error).ToList());
    }

    private static (Database Model, List<Diagnostic> Errors) Oracle(string sql)
    {
        var r = OracleReader.Read([("m.sql", sql)]);
        return (r.Model, r.Diagnostics.Where(d => d.Severity == Severity.Error).ToList());
    }

    private const string TSqlBase = """
        CREATE TABLE dbo.customers (id INT NOT NULL CONSTRAINT PK_customers PRIMARY KEY, name NVARCHAR(50) NOT NULL, tier NVARCHAR(10) NULL CONSTRAINT DF_customers_tier DEFAULT (N'free'));
        GO
        CREATE TABLE dbo.orders (id INT NOT NULL PRIMARY KEY, customer_id INT NOT NULL, note NVARCHAR(100) NULL DEFAULT N'');
        GO
        ALTER TABLE dbo.orders ADD CONSTRAINT FK_orders_customers FOREIGN KEY (customer_id) REFERENCES dbo.customers (id);
        GO
        CREATE INDEX IX_customers_name ON dbo.customers (name);
        GO

        """;

    [Fact]
    public void TSql_renames_drops_and_alters_take_effect_in_order()
    {
        var (db, errors) = TSql(TSqlBase + """
            EXEC sp_rename N'dbo.customers.name', N'full_name', N'COLUMN';
            GO
            EXEC sp_rename N'[dbo].[customers].[IX_customers_name]', N'IX_customers_full_name', N'INDEX';
            GO
            DROP INDEX IX_customers_full_name ON dbo.customers;
            GO
            ALTER TABLE dbo.customers ALTER COLUMN full_name NVARCHAR(200) NULL;
            GO
            EXEC sp_rename 'dbo.orders', 'purchases';
            GO
            EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Who buys', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'customers';
            GO
            """);
        Assert.Empty(errors);
        var customers = db.FindTable(new QualifiedName("dbo", "customers"))!;
        var name = Assert.Single(customers.Columns, c => c.Name == "full_name");
        Assert.Equal("nvarchar(200)", name.Type.Text);
        Assert.False(name.NotNull);
        Assert.Empty(db.Indexes);
        Assert.Equal("Who buys", customers.Comment);
        var purchases = db.FindTable(new QualifiedName("dbo", "purchases"))!;
        Assert.Equal("FK_orders_customers", Assert.Single(purchases.ForeignKeys).Name);
    }

    [Fact]
    public void TSql_drops_what_nothing_depends_on_and_refuses_the_rest_as_SQL_Server_does()
    {
        // A column with a default, an indexed column, a key a foreign key references, a table a foreign key references.
        var (_, errors) = TSql(TSqlBase + """
            ALTER TABLE dbo.customers DROP COLUMN tier;
            GO
            ALTER TABLE dbo.customers ALTER COLUMN name NVARCHAR(80) NOT NULL;
            GO
            ALTER TABLE dbo.customers DROP CONSTRAINT PK_customers;
            GO
            DROP TABLE dbo.customers;
            GO
            ALTER TABLE dbo.orders DROP COLUMN missing;
            GO
            """);
        Assert.Collection(errors,
            e => Assert.Equal(("SF313", 9, "column dbo.customers.tier cannot be dropped: default DF_customers_tier depends on it"), (e.Code, e.Location!.Line, e.Message)),
            e => Assert.Equal(("SF313", 11, "column dbo.customers.name cannot be altered: index IX_customers_name depends on it"), (e.Code, e.Location!.Line, e.Message)),
            e => Assert.Equal(("SF313", 13, "constraint PK_customers of dbo.customers cannot be dropped: foreign key FK_orders_customers of dbo.orders references it"), (e.Code, e.Location!.Line, e.Message)),
            e => Assert.Equal(("SF313", 15, "table dbo.customers cannot be dropped: foreign key FK_orders_customers of dbo.orders references it"), (e.Code, e.Location!.Line, e.Message)),
            e => Assert.Equal(("SF306", 17, "column dbo.orders.missing does not exist at this point"), (e.Code, e.Location!.Line, e.Message)));
    }

    [Fact]
    public void TSql_default_dropped_by_the_sys_default_constraints_idiom_lets_the_column_go()
    {
        // The unnamed default of orders.note has a name only the server knows: EF Core's scripts look it up.
        var (db, errors) = TSql(TSqlBase + """
            DECLARE @var nvarchar(258) = QUOTENAME((SELECT d.name FROM sys.default_constraints AS d WHERE d.parent_object_id = OBJECT_ID(N'[dbo].[orders]') AND COL_NAME(d.parent_object_id, d.parent_column_id) = N'note'));
            IF @var IS NOT NULL EXEC (N'ALTER TABLE [dbo].[orders] DROP CONSTRAINT ' + @var);
            GO
            ALTER TABLE dbo.orders DROP COLUMN note;
            GO
            """);
        Assert.Empty(errors);
        Assert.DoesNotContain(db.FindTable(new QualifiedName("dbo", "orders"))!.Columns, c => c.Name == "note");
    }

    private const string OracleBase = """
        CREATE TABLE customers (id NUMBER(10) PRIMARY KEY, name VARCHAR2(50 CHAR) NOT NULL, tier VARCHAR2(10 CHAR) DEFAULT 'free');
        CREATE TABLE orders (id NUMBER(10) PRIMARY KEY, customer_id NUMBER(10) NOT NULL, CONSTRAINT fk_orders_customers FOREIGN KEY (customer_id) REFERENCES customers (id));
        CREATE INDEX ix_customers_name ON customers (name);

        """;

    [Fact]
    public void Oracle_alter_table_clauses_take_effect_in_order()
    {
        var (db, errors) = Oracle(OracleBase + """
            ALTER TABLE customers ADD (email VARCHAR2(200 CHAR), CONSTRAINT uq_customers_email UNIQUE (email));
            ALTER TABLE customers MODIFY (tier DEFAULT NULL NOT NULL);
            ALTER TABLE customers RENAME COLUMN name TO full_name;
            ALTER INDEX ix_customers_name RENAME TO ix_customers_full_name;
            ALTER TABLE customers DROP COLUMN email;
            ALTER TABLE orders RENAME TO purchases;
            COMMENT ON COLUMN customers.full_name IS 'Shown on invoices';
            """);
        Assert.Empty(errors);
        var customers = db.FindTable(new QualifiedName(string.Empty, "CUSTOMERS"))!;
        Assert.Equal(["ID", "FULL_NAME", "TIER"], customers.Columns.Select(c => c.Name));
        Assert.Equal(new Column("TIER", customers.Columns[2].Type, NotNull: true), customers.Columns[2]);
        Assert.Empty(customers.Uniques); // went with its only column
        Assert.Equal("Shown on invoices", customers.Columns[1].Comment);
        var index = Assert.Single(db.Indexes);
        Assert.Equal(("IX_CUSTOMERS_FULL_NAME", "FULL_NAME"), (index.Name.Name, index.Elements[0].Column));
        Assert.Equal("CUSTOMERS", db.FindTable(new QualifiedName(string.Empty, "PURCHASES"))!.ForeignKeys[0].ReferencedTable.Name);
    }

    [Fact]
    public void Oracle_refuses_what_Oracle_refuses()
    {
        var (_, errors) = Oracle(OracleBase + """
            DROP TABLE customers;
            ALTER TABLE customers MODIFY (name NOT NULL);
            ALTER TABLE customers DROP CONSTRAINT missing_check;
            DROP TABLE customers CASCADE CONSTRAINTS;
            """);
        Assert.Collection(errors,
            e => Assert.Equal(("SF313", 4, "table CUSTOMERS cannot be dropped: foreign key FK_ORDERS_CUSTOMERS of ORDERS references it"), (e.Code, e.Location!.Line, e.Message)),
            e => Assert.Equal((5, "column CUSTOMERS.NAME is already NOT NULL (ORA-01442)"), (e.Location!.Line, e.Message)),
            e => Assert.Equal(("SF306", 6, "constraint MISSING_CHECK of CUSTOMERS does not exist at this point"), (e.Code, e.Location!.Line, e.Message)));
    }
}
