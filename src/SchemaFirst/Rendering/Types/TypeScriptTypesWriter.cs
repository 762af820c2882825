using System.Text;
using SchemaFirst.Model;

namespace SchemaFirst.Rendering.Types;

/// <summary>
/// Writes TypeScript in the shape kysely-codegen users know: an interface per table and view, a <c>DB</c> interface
/// from table name to row, <c>T | null</c> for nullable columns, <c>Generated&lt;T&gt;</c> for columns an INSERT may
/// leave out, <c>GeneratedAlways&lt;T&gt;</c> for those it cannot write, string-literal unions for enums, JSDoc from
/// comments, and separate select/insert/update types (<c>ColumnType</c>) where the driver reads a value differently from
/// what it accepts (int8 and numeric as strings, timestamps as Date). The helper types are declared in the file with
/// Kysely's structure, so it compiles alone and Kysely reads them as its own.
/// </summary>
public static class TypeScriptTypesWriter
{
    public static string Write(Database model, string defaultSchema)
    {
        var resolution = new TypeResolution(model);
        var rows = RowShapes.Build(model, defaultSchema);
        var sqlite = resolution.IsSqlite;
        var taken = new HashSet<string>(StringComparer.Ordinal)
        {
            "ColumnType", "Generated", "GeneratedAlways", "ArrayType", "ArrayTypeImpl", "Int8", "Numeric", "Timestamp", "Json", "JsonArray",
            "JsonObject", "JsonPrimitive", "JsonValue", "Interval", "Point", "DB",
        };
        var enumNames = new Dictionary<QualifiedName, string>();
        foreach (var e in model.Enums.OrderBy(e => e.Name)) enumNames[e.Name] = CodeNames.Unique(TypeName(e.Name, defaultSchema), taken);
        var rowNames = new Dictionary<QualifiedName, string>();
        foreach (var r in rows) rowNames[r.Name] = CodeNames.Unique(TypeName(r.Name, defaultSchema), taken);

        var body = new StringBuilder();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in model.Enums.OrderBy(e => e.Name))
        {
            JsDoc(body, "", e.Comment ?? $"The enum {e.Name}.");
            body.Append("export type ").Append(enumNames[e.Name]).Append(" = ")
                .Append(e.Labels.Count == 0 ? "never" : string.Join(" | ", e.Labels.Select(JsString))).Append(";\n\n");
        }
        foreach (var r in rows)
        {
            JsDoc(body, "", (r.Comment ?? $"A row of the {(r.IsView ? "view" : "table")} {r.Name}.") + (r.Note != null ? "\n" + r.Note : string.Empty));
            body.Append("export interface ").Append(rowNames[r.Name]).Append(" {\n");
            foreach (var f in r.Fields)
            {
                var (type, note) = Type(f.Type, resolution, enumNames, sqlite, used);
                if (f.Comment != null || note != null) JsDoc(body, "  ", string.Join("\n", new[] { f.Comment, note }.Where(x => x != null)));
                if (f.Nullable) type += " | null";
                if (f.ReadOnly && !r.IsView)
                {
                    type = "GeneratedAlways<" + type + ">";
                    used.Add("GeneratedAlways");
                }
                else if (f.Defaulted && !r.IsView)
                {
                    type = "Generated<" + type + ">";
                    used.Add("Generated");
                }
                body.Append("  ").Append(CodeNames.IsPlainJsName(f.Name) ? f.Name : JsString(f.Name)).Append(": ").Append(type).Append(";\n");
            }
            body.Append("}\n\n");
        }
        body.Append("/** Every table and view by the name queries use. */\n");
        body.Append("export interface DB {\n");
        foreach (var r in rows.OrderBy(r => Key(r.Name, defaultSchema), StringComparer.Ordinal))
        {
            var key = Key(r.Name, defaultSchema);
            body.Append("  ").Append(CodeNames.IsPlainJsName(key) ? key : JsString(key)).Append(": ").Append(rowNames[r.Name]).Append(";\n");
        }
        body.Append("}\n");

        var sb = new StringBuilder();
        sb.Append("/**\n * Written by SchemaFirst from the schema source; do not edit by hand.\n * Regenerate with: schemafirst generate types --lang typescript\n */\n\n");
        if (used.Contains("Generated") || used.Contains("GeneratedAlways") || used.Overlaps(["Int8", "Numeric", "Timestamp", "Interval", "Json", "ArrayType"])) used.Add("ColumnType");
        if (used.Contains("ColumnType"))
        {
            sb.Append("/** A column read as S, written as I on insert and U on update (Kysely's ColumnType). */\n");
            sb.Append("export type ColumnType<S, I = S, U = S> = {\n  readonly __select__: S;\n  readonly __insert__: I;\n  readonly __update__: U;\n};\n\n");
        }
        if (used.Contains("Generated"))
        {
            sb.Append("/** A column the database fills when an insert leaves it out (a default, an identity, a serial). */\n");
            sb.Append("export type Generated<T> = T extends ColumnType<infer S, infer I, infer U>\n  ? ColumnType<S, I | undefined, U>\n  : ColumnType<T, T | undefined, T>;\n\n");
        }
        if (used.Contains("GeneratedAlways"))
        {
            sb.Append("/** A column only the database writes (GENERATED ALWAYS, a computed column). */\n");
            sb.Append("export type GeneratedAlways<T> = T extends ColumnType<infer S, infer _I, infer _U> ? ColumnType<S, never, never> : ColumnType<T, never, never>;\n\n");
        }
        if (used.Contains("ArrayType"))
        {
            sb.Append("/** An array column; an element with its own insert type keeps it. */\n");
            sb.Append("export type ArrayType<T> = ArrayTypeImpl<T> extends (infer E)[] ? E[] : ArrayTypeImpl<T>;\n\n");
            sb.Append("export type ArrayTypeImpl<T> = T extends ColumnType<infer S, infer I, infer U> ? ColumnType<S[], I[], U[]> : T[];\n\n");
        }
        if (used.Contains("Int8"))
        {
            sb.Append("/** bigint: read as a string (it may not fit a number), written as any of these. */\n");
            sb.Append("export type Int8 = ColumnType<string, bigint | number | string, bigint | number | string>;\n\n");
        }
        if (used.Contains("Numeric"))
        {
            sb.Append("/** numeric: read as a string to keep every digit. */\n");
            sb.Append("export type Numeric = ColumnType<string, number | string, number | string>;\n\n");
        }
        if (used.Contains("Timestamp"))
        {
            sb.Append("/** date and timestamp: read as Date, written as Date or an ISO string. */\n");
            sb.Append("export type Timestamp = ColumnType<Date, Date | string, Date | string>;\n\n");
        }
        if (used.Contains("Interval"))
        {
            sb.Append("/** interval: the parts the driver reads, written as text such as '1 day'. */\n");
            sb.Append("export type Interval = ColumnType<IntervalParts, IntervalParts | string, IntervalParts | string>;\n\n");
            sb.Append("export interface IntervalParts {\n  years?: number;\n  months?: number;\n  days?: number;\n  hours?: number;\n  minutes?: number;\n  seconds?: number;\n  milliseconds?: number;\n}\n\n");
        }
        if (used.Contains("Point"))
        {
            sb.Append("export interface Point {\n  x: number;\n  y: number;\n}\n\n");
        }
        if (used.Contains("Json"))
        {
            sb.Append("export type JsonPrimitive = boolean | number | string | null;\n\n");
            sb.Append("export type JsonArray = JsonValue[];\n\n");
            sb.Append("export type JsonObject = {\n  [key: string]: JsonValue | undefined;\n};\n\n");
            sb.Append("export type JsonValue = JsonArray | JsonObject | JsonPrimitive;\n\n");
            sb.Append("/** json and jsonb: read parsed, written as JSON text. */\n");
            sb.Append("export type Json = ColumnType<JsonValue, string, string>;\n\n");
        }
        sb.Append(body);
        return sb.ToString();
    }

    private static string Key(QualifiedName name, string defaultSchema) => name.Schema == defaultSchema ? name.Name : name.Schema + "." + name.Name;

    private static string TypeName(QualifiedName name, string defaultSchema) =>
        name.Schema == defaultSchema ? CodeNames.Pascal(name.Name) : CodeNames.Pascal(name.Schema) + CodeNames.Pascal(name.Name);

    private static (string Type, string? Note) Type(DataType? type, TypeResolution resolution, Dictionary<QualifiedName, string> enumNames, bool sqlite, HashSet<string> used)
    {
        if (type == null) return ("unknown", "Its type is not known without a database (an expression of a view).");
        var (element, dims) = resolution.Resolve(type);
        var scalar = Scalar(element, enumNames, sqlite, used);
        if (dims == 0) return (scalar, null);
        used.Add("ArrayType");
        var inner = scalar.Contains('|', StringComparison.Ordinal) ? "(" + scalar + ")" : scalar;
        for (var i = 1; i < dims; i++) inner += "[]";
        return ("ArrayType<" + inner + ">", null);
    }

    private static string Scalar(DataType t, Dictionary<QualifiedName, string> enumNames, bool sqlite, HashSet<string> used)
    {
        string Use(string name)
        {
            used.Add(name);
            return name;
        }
        switch (t.Kind)
        {
            case TypeKind.SmallInt:
            case TypeKind.Integer:
            case TypeKind.Real:
            case TypeKind.Double: return "number";
            case TypeKind.BigInt: return sqlite ? "number" : Use("Int8");
            case TypeKind.Decimal:
            case TypeKind.Money: return sqlite ? "number" : Use("Numeric");
            case TypeKind.Boolean: return sqlite ? "number" : "boolean";
            case TypeKind.Binary: return "Uint8Array";
            case TypeKind.Date:
            case TypeKind.Timestamp: return sqlite ? "string" : Use("Timestamp");
            case TypeKind.Interval: return Use("Interval");
            case TypeKind.Json:
            case TypeKind.Jsonb: return sqlite ? "string" : Use("Json");
            case TypeKind.Geometric: return t.Text.Equals("point", StringComparison.OrdinalIgnoreCase) ? Use("Point") : "string";
            case TypeKind.Enum: return t.UserType is { } q && enumNames.TryGetValue(q, out var n) ? n : "string";
            case TypeKind.Composite:
            case TypeKind.User:
            case TypeKind.Unknown: return sqlite ? "unknown" : "string";
            default: return "string";
        }
    }

    private static void JsDoc(StringBuilder sb, string indent, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Replace("*/", "*\\/", StringComparison.Ordinal)).ToList();
        if (lines.Count == 1)
        {
            sb.Append(indent).Append("/** ").Append(lines[0]).Append(" */\n");
            return;
        }
        sb.Append(indent).Append("/**\n");
        foreach (var l in lines) sb.Append(indent).Append(" *").Append(l.Length > 0 ? " " + l : string.Empty).Append('\n');
        sb.Append(indent).Append(" */\n");
    }

    private static string JsString(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (char.IsControl(ch) || ch is '\u2028' or '\u2029') sb.Append("\\u").Append(((int)ch).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    else sb.Append(ch);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
