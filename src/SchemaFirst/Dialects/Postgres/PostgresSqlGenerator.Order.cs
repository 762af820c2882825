using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

public sealed partial class PostgresSqlGenerator
{
    private const int RankSchema = 0, RankExtension = 1, RankType = 2, RankSequence = 3, RankTable = 4, RankIndex = 6, RankView = 7,
        RankRoutine = 8, RankTrigger = 9, RankPolicy = 10;

    /// <summary>Orders every CREATE by its dependencies; kinds keep the conventional order wherever dependencies allow.</summary>
    private List<object> OrderObjects()
    {
        var order = new DependencyOrder<object>();
        foreach (var s in _db.Schemas) order.Add(s, RankSchema, "schema:" + s.Name);
        foreach (var e in _db.Extensions) order.Add(e, RankExtension, "extension:" + e.Name);
        foreach (var e in _db.Enums) order.Add(e, RankType, TypeKey(e.Name));
        foreach (var d in _db.Domains) order.Add(d, RankType, TypeKey(d.Name));
        foreach (var c in _db.CompositeTypes) order.Add(c, RankType, TypeKey(c.Name));
        foreach (var o in _db.OtherTypes) order.Add(o, RankType, TypeKey(o.Name));
        foreach (var s in _db.Sequences) order.Add(s, RankSequence, RelationKey(s.Name));
        foreach (var t in _db.Tables) order.Add(t, RankTable, RelationKey(t.Name));
        foreach (var i in _db.Indexes) order.Add(i, RankIndex, "index:" + PostgresQuoting.Name(i.Name));
        foreach (var v in _db.Views) order.Add(v, RankView, RelationKey(v.Name));
        foreach (var r in _db.Routines) order.Add(r, RankRoutine, RoutineKey(r));
        foreach (var t in _db.Triggers) order.Add(t, RankTrigger, "trigger:" + PostgresQuoting.Name(t.Table) + "." + t.Name);
        foreach (var p in _db.Policies) order.Add(p, RankPolicy, "policy:" + PostgresQuoting.Name(p.Table) + "." + p.Name);
        foreach (var r in _db.Rules) order.Add(r, RankPolicy, "rule:" + PostgresQuoting.Name(r.Table) + "." + r.Name);

        var refs = new ReferenceIndex(_db);
        foreach (var e in _db.Extensions)
        {
            if (e.Schema != null) order.Depend("extension:" + e.Name, "schema:" + e.Schema);
        }
        foreach (var e in _db.Enums) order.Depend(TypeKey(e.Name), "schema:" + e.Name.Schema);
        foreach (var d in _db.Domains)
        {
            var key = TypeKey(d.Name);
            order.Depend(key, "schema:" + d.Name.Schema);
            DependOnType(order, key, d.BaseType);
            foreach (var c in d.Checks) refs.DependOnExpression(order, key, c.Expression, d.Name.Schema);
        }
        foreach (var ct in _db.CompositeTypes)
        {
            var key = TypeKey(ct.Name);
            order.Depend(key, "schema:" + ct.Name.Schema);
            foreach (var a in ct.Attributes) DependOnType(order, key, a.Type);
        }
        foreach (var o in _db.OtherTypes) order.Depend(TypeKey(o.Name), "schema:" + o.Name.Schema);
        foreach (var s in _db.Sequences) order.Depend(RelationKey(s.Name), "schema:" + s.Name.Schema);
        foreach (var t in _db.Tables)
        {
            var key = RelationKey(t.Name);
            order.Depend(key, "schema:" + t.Name.Schema);
            foreach (var p in t.Inherits) order.Depend(key, RelationKey(p));
            if (t.PartitionOf != null) order.Depend(key, RelationKey(t.PartitionOf.Parent));
            foreach (var c in t.Columns)
            {
                DependOnType(order, key, c.Type);
                if (c.Default != null) refs.DependOnExpression(order, key, c.Default, t.Name.Schema);
                if (c.Generated != null) refs.DependOnExpression(order, key, c.Generated.Expression, t.Name.Schema);
            }
            foreach (var c in t.Checks) refs.DependOnExpression(order, key, c.Expression, t.Name.Schema);
            foreach (var fk in t.ForeignKeys)
            {
                // Soft: when a cycle remains, the sort takes one table first and its key is added later.
                if (fk.ReferencedTable != t.Name) order.Depend(key, RelationKey(fk.ReferencedTable), soft: true);
            }
        }
        foreach (var i in _db.Indexes)
        {
            var key = "index:" + PostgresQuoting.Name(i.Name);
            order.Depend(key, RelationKey(i.Table));
            foreach (var e in i.Elements)
            {
                if (e.Expression != null) refs.DependOnExpression(order, key, e.Expression, i.Name.Schema);
            }
            if (i.Where != null) refs.DependOnExpression(order, key, i.Where, i.Name.Schema);
        }
        foreach (var v in _db.Views)
        {
            var key = RelationKey(v.Name);
            order.Depend(key, "schema:" + v.Name.Schema);
            refs.DependOnExpression(order, key, v.Query, v.Name.Schema);
        }
        foreach (var r in _db.Routines)
        {
            var key = RoutineKey(r);
            order.Depend(key, "schema:" + r.Name.Schema);
            refs.DependOnRoutineHeader(order, key, r);
        }
        foreach (var t in _db.Triggers)
        {
            var key = "trigger:" + PostgresQuoting.Name(t.Table) + "." + t.Name;
            order.Depend(key, RelationKey(t.Table));
            if (t.Function != null) refs.DependOnRoutineName(order, key, t.Function);
        }
        foreach (var p in _db.Policies) order.Depend("policy:" + PostgresQuoting.Name(p.Table) + "." + p.Name, RelationKey(p.Table));
        foreach (var r in _db.Rules) order.Depend("rule:" + PostgresQuoting.Name(r.Table) + "." + r.Name, RelationKey(r.Table));
        return order.Sort();
    }

    private static void DependOnType(DependencyOrder<object> order, string key, DataType type)
    {
        if (type.UserType != null)
        {
            order.Depend(key, TypeKey(type.UserType));
            order.Depend(key, RelationKey(type.UserType));
        }
    }

    internal static string TypeKey(QualifiedName name) => "type:" + PostgresQuoting.Name(name);

    internal static string RelationKey(QualifiedName name) => "relation:" + PostgresQuoting.Name(name);

    internal static string RoutineKey(Routine r) => "routine:" + PostgresQuoting.Name(r.Name) + "(" + r.ArgumentTypes + ")";
}
