using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SchemaFirst.Audit.Extraction;

/// <summary>
/// Reads the string literals of a C# file with Roslyn: regular, verbatim (<c>@"..."</c>), raw (<c>"""..."""</c>), UTF-8
/// (<c>u8</c>) and interpolated strings of each kind, and chains of them joined with <c>+</c>; interpolations and other
/// operands of a chain are parts built at run time.
/// </summary>
internal static class CSharpExtractor
{
    private static readonly CSharpParseOptions Options = new(LanguageVersion.Preview, DocumentationMode.None);

    public static List<SqlSnippet> Extract(string path, string text, SourceLines lines)
    {
        var root = CSharpSyntaxTree.ParseText(text, Options).GetRoot();
        var snippets = new List<SqlSnippet>();
        var seen = new HashSet<SyntaxNode>();
        foreach (var node in root.DescendantNodes())
        {
            if (node is not (LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression or (int)SyntaxKind.Utf8StringLiteralExpression } or InterpolatedStringExpressionSyntax)) continue;
            SyntaxNode top = node;
            while (top.Parent is BinaryExpressionSyntax b && b.IsKind(SyntaxKind.AddExpression) || top.Parent is ParenthesizedExpressionSyntax p && p.Parent is BinaryExpressionSyntax pb && pb.IsKind(SyntaxKind.AddExpression))
            {
                top = top.Parent!;
            }
            // sb.Append("...").Append(x).Append("..."): the whole fluent chain is one text.
            var first = top.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax appended } } && IsAppend(appended) ? appended
                : top.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax { Parent: MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax seeded } } } } && IsAppend(seeded) ? seeded
                : null;
            if (first != null)
            {
                SyntaxNode call = first;
                while (call.Parent is MemberAccessExpressionSyntax && call.Parent.Parent is InvocationExpressionSyntax outer && IsAppend(outer)) call = outer;
                if (!seen.Add(call)) continue;
                var chain = new SnippetBuilder();
                FlattenAppends((InvocationExpressionSyntax)call, text, chain);
                if (chain.Build(path, lines, "csharp") is { } c) snippets.Add(c);
                continue;
            }
            if (!seen.Add(top)) continue;
            // EF Core binds each interpolation of FromSql/ExecuteSql/SqlQuery as one parameter.
            var builder = new SnippetBuilder { ValueHoles = top.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax invoked } && BindsInterpolations(invoked) };
            Flatten((ExpressionSyntax)top, text, builder);
            if (builder.Build(path, lines, "csharp") is { } s) snippets.Add(s);
        }
        return snippets;
    }

    private static bool IsAppend(InvocationExpressionSyntax call) =>
        call.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "Append" or "AppendLine" } && call.ArgumentList.Arguments.Count == 1;

    private static void FlattenAppends(InvocationExpressionSyntax call, string text, SnippetBuilder builder)
    {
        var receiver = ((MemberAccessExpressionSyntax)call.Expression).Expression;
        if (receiver is InvocationExpressionSyntax inner && IsAppend(inner)) FlattenAppends(inner, text, builder);
        else if (receiver is ObjectCreationExpressionSyntax { ArgumentList.Arguments: [{ Expression: var seed }] } && seed is LiteralExpressionSyntax or InterpolatedStringExpressionSyntax or BinaryExpressionSyntax) Flatten(seed, text, builder);
        Flatten(call.ArgumentList.Arguments[0].Expression, text, builder);
    }

    private static bool BindsInterpolations(InvocationExpressionSyntax call)
    {
        var name = call.Expression switch
        {
            MemberAccessExpressionSyntax m => m.Name.Identifier.Text,
            IdentifierNameSyntax id => id.Identifier.Text,
            GenericNameSyntax g => g.Identifier.Text,
            _ => string.Empty,
        };
        return name.StartsWith("FromSql", StringComparison.Ordinal) || name.StartsWith("ExecuteSql", StringComparison.Ordinal) || name.StartsWith("SqlQuery", StringComparison.Ordinal);
    }

    private static void Flatten(ExpressionSyntax e, string text, SnippetBuilder builder)
    {
        switch (e)
        {
            case ParenthesizedExpressionSyntax p:
                Flatten(p.Expression, text, builder);
                return;
            case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.AddExpression):
                Flatten(b.Left, text, builder);
                Flatten(b.Right, text, builder);
                return;
            case LiteralExpressionSyntax l when l.Token.IsKind(SyntaxKind.StringLiteralToken) || l.Token.IsKind(SyntaxKind.Utf8StringLiteralToken)
                                                || l.Token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || l.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
                                                || l.Token.IsKind(SyntaxKind.Utf8SingleLineRawStringLiteralToken) || l.Token.IsKind(SyntaxKind.Utf8MultiLineRawStringLiteralToken):
                Literal(l.Token, text, builder);
                return;
            case InterpolatedStringExpressionSyntax i:
            {
                var start = i.StringStartToken.Text;
                var mode = start.Contains("\"\"\"", StringComparison.Ordinal) ? Mode.Raw : start.Contains('@') ? Mode.Verbatim : Mode.Regular;
                foreach (var part in i.Contents)
                {
                    if (part is InterpolatedStringTextSyntax t) Decode(text, t.TextToken.SpanStart, t.TextToken.Span.End, mode, interpolated: true, builder);
                    else builder.Hole(part.SpanStart, part.Span.End);
                }
                return;
            }
            default:
                builder.Hole(e.SpanStart, e.Span.End);
                return;
        }
    }

    private enum Mode
    {
        Regular,
        Verbatim,
        Raw,
    }

    private static void Literal(SyntaxToken token, string text, SnippetBuilder builder)
    {
        var s = token.Text;
        var start = token.SpanStart;
        var end = token.Span.End;
        if (s.EndsWith("u8", StringComparison.OrdinalIgnoreCase)) end -= 2;
        if (s.StartsWith("\"\"\"", StringComparison.Ordinal))
        {
            var q = 0;
            while (q < s.Length && s[q] == '"') q++;
            Decode(text, start + q, end - q, Mode.Raw, interpolated: false, builder);
            return;
        }
        if (s.StartsWith('@')) Decode(text, start + 2, end - 1, Mode.Verbatim, interpolated: false, builder);
        else Decode(text, start + 1, end - 1, Mode.Regular, interpolated: false, builder);
    }

    private static void Decode(string text, int start, int end, Mode mode, bool interpolated, SnippetBuilder builder)
    {
        var j = start;
        while (j < end)
        {
            var c = text[j];
            if (interpolated && mode != Mode.Raw && c is '{' or '}' && j + 1 < end && text[j + 1] == c)
            {
                builder.Add(c, j);
                j += 2;
                continue;
            }
            if (mode == Mode.Verbatim && c == '"' && j + 1 < end && text[j + 1] == '"')
            {
                builder.Add('"', j);
                j += 2;
                continue;
            }
            if (mode == Mode.Regular && c == '\\' && j + 1 < end)
            {
                var e = text[j + 1];
                var decoded = e switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '0' => '\0',
                    'a' => '\a',
                    'b' => '\b',
                    'f' => '\f',
                    'v' => '\v',
                    _ => e,
                };
                if (e is 'u' or 'x' or 'U')
                {
                    var len = e == 'U' ? 8 : 4;
                    var k = j + 2;
                    var hexEnd = Math.Min(end, k + len);
                    var m = k;
                    while (m < hexEnd && Uri.IsHexDigit(text[m])) m++;
                    if (m > k && int.TryParse(text.AsSpan(k, m - k), System.Globalization.NumberStyles.HexNumber, null, out var cp) && cp <= 0xFFFF)
                    {
                        builder.Add((char)cp, j);
                        j = m;
                        continue;
                    }
                }
                builder.Add(decoded, j);
                j += 2;
                continue;
            }
            builder.Add(c, j);
            j++;
        }
    }
}
