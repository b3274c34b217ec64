using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.DotNet.Interactive.Documents;

namespace EvSupplyChain.Notebooks;

/// <summary>An invalid <c>--set name=value</c>: unknown name, a value that does not fit the declared type, or no parameters cell.</summary>
public sealed class ParameterException(string message) : Exception(message);

/// <summary>One declaration of a notebook's <c>parameters</c> cell, e.g. <c>var rate = 0.30;</c>.</summary>
/// <param name="Name">The variable.</param>
/// <param name="Type">The C# type the value must have: double, int, long, decimal, bool, string, string[], double[], int[], or the declared type name.</param>
/// <param name="Default">The initializer as written.</param>
public sealed record NotebookParameter(string Name, string Type, string Default);

/// <summary>
/// Papermill-style parameters: the code cell tagged <c>parameters</c> declares the inputs; a render with
/// <c>--set name=value</c> inserts a cell tagged <c>injected-parameters</c> right after it that redeclares them with
/// the new values, each written as a C# literal of the declared type (<c>0.5</c> for a double, <c>"Chile"</c> for a string).
/// </summary>
public static class Parameters
{
    /// <summary>The tag of the declaring cell.</summary>
    public const string Tag = "parameters";

    /// <summary>The tag of the inserted cell.</summary>
    public const string InjectedTag = "injected-parameters";

    /// <summary>The cell tagged <c>parameters</c>, or null.</summary>
    public static NotebookCell? Cell(Notebook notebook) => notebook.Cells.FirstOrDefault(c => c.Kind == CellKind.Code && c.Tags.Contains(Tag));

    /// <summary>The declarations of the parameters cell (empty when there is none).</summary>
    public static IReadOnlyList<NotebookParameter> Declared(Notebook notebook) => Cell(notebook) is { } cell ? Parse(cell.Source) : [];

    /// <summary>The declarations in C# source: top-level <c>var</c> or typed local declarations with an initializer.</summary>
    public static IReadOnlyList<NotebookParameter> Parse(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script)).GetCompilationUnitRoot();
        var list = new List<NotebookParameter>();
        foreach (var declaration in root.DescendantNodes().OfType<VariableDeclarationSyntax>())
        {
            foreach (var v in declaration.Variables)
            {
                if (v.Initializer is null) continue;
                list.Add(new NotebookParameter(v.Identifier.Text, TypeOf(declaration.Type, v.Initializer.Value), v.Initializer.Value.ToString()));
            }
        }
        return list;
    }

    /// <summary>
    /// The notebook with an <c>injected-parameters</c> cell after its <c>parameters</c> cell, or the notebook itself when
    /// <paramref name="values"/> is empty.
    /// </summary>
    /// <exception cref="ParameterException">No parameters cell, an unknown name (the message lists the allowed ones) or a value of the wrong type.</exception>
    public static Notebook Inject(Notebook notebook, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        if (values.Count == 0) return notebook;
        var cell = Cell(notebook) ?? throw new ParameterException($"{notebook.Name} has no cell tagged '{Tag}', so --set {values[0].Key}=… cannot be applied.");
        var declared = Parse(cell.Source);
        var lines = new List<string>();
        foreach (var (name, value) in values)
        {
            var p = declared.FirstOrDefault(d => d.Name == name)
                ?? throw new ParameterException($"{notebook.Name} has no parameter '{name}'; its parameters are: {string.Join(", ", declared.Select(d => d.Name))}.");
            lines.Add($"{(p.Type.StartsWith("var", StringComparison.Ordinal) ? "var" : Declared(p))} {name} = {Literal(p, value, notebook.Name)};");
        }
        var element = new InteractiveDocumentElement(string.Join("\n", lines), cell.Kernel ?? "csharp")
        {
            Id = (cell.Element.Id ?? "parameters") + "-injected",
            Metadata = new Dictionary<string, object> { ["tags"] = new List<object> { InjectedTag } },
        };
        return notebook.WithCellInserted(cell.Index, element);
    }

    /// <summary>Parses <c>a="x";b=2030</c> (the test CSV's form) or a list of <c>name=value</c> strings into pairs.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseAssignments(IEnumerable<string> assignments)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var a in assignments.Where(a => a.Trim().Length > 0))
        {
            var eq = a.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new ParameterException($"--set '{a}': expected name=value.");
            list.Add(new(a[..eq].Trim(), a[(eq + 1)..].Trim()));
        }
        return list;
    }

    private static string Declared(NotebookParameter p) => p.Type;

    /// <summary>The type a literal must have: the declared type, or for <c>var</c> the type the initializer has
    /// (prefixed <c>var:</c> is not needed: the injected cell keeps <c>var</c> and a literal of that type).</summary>
    private static string TypeOf(TypeSyntax type, ExpressionSyntax value)
    {
        if (!type.IsVar) return type.ToString();
        return "var " + (value switch
        {
            LiteralExpressionSyntax l when l.IsKind(SyntaxKind.StringLiteralExpression) => "string",
            LiteralExpressionSyntax l when l.IsKind(SyntaxKind.TrueLiteralExpression) || l.IsKind(SyntaxKind.FalseLiteralExpression) => "bool",
            LiteralExpressionSyntax l when l.IsKind(SyntaxKind.NumericLiteralExpression) => NumberType(l.Token),
            PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax l } when l.IsKind(SyntaxKind.NumericLiteralExpression) => NumberType(l.Token),
            ArrayCreationExpressionSyntax a => a.Type.ElementType + "[]",
            ImplicitArrayCreationExpressionSyntax a => ElementType(a.Initializer.Expressions) + "[]",
            InterpolatedStringExpressionSyntax => "string",
            _ => "expression",
        });
    }

    private static string NumberType(SyntaxToken token) => token.Value switch
    {
        double => "double",
        float => "float",
        decimal => "decimal",
        long => "long",
        _ => "int",
    };

    private static string ElementType(SeparatedSyntaxList<ExpressionSyntax> items) =>
        items.Count > 0 && TypeOf(SyntaxFactory.IdentifierName("var"), items[0]) is var t ? t["var ".Length..] : "expression";

    private static string Literal(NotebookParameter p, string value, string notebook)
    {
        var type = p.Type.StartsWith("var ", StringComparison.Ordinal) ? p.Type[4..] : p.Type;
        string Bad(string what) => throw new ParameterException($"{notebook}: --set {p.Name}={value}: expected {what} (the parameters cell declares {p.Name} = {p.Default}).");
        var inv = CultureInfo.InvariantCulture;
        switch (type)
        {
            case "string" or "String" or "string?":
                return value is ['"', .., '"'] ? value : SymbolDisplay.FormatLiteral(value, quote: true);
            case "double" or "float" or "decimal":
                if (!double.TryParse(value, NumberStyles.Float, inv, out var d) || !double.IsFinite(d)) return Bad("a number");
                var text = value.Trim().TrimEnd('d', 'D', 'f', 'F', 'm', 'M');
                if (type == "double" && !text.Contains('.', StringComparison.Ordinal) && !text.Contains('e', StringComparison.OrdinalIgnoreCase)) text += ".0";
                return text + (type == "float" ? "f" : type == "decimal" ? "m" : "");
            case "int" or "long":
                return long.TryParse(value, NumberStyles.Integer, inv, out var n) && (type == "long" || n is >= int.MinValue and <= int.MaxValue)
                    ? n.ToString(inv) + (type == "long" ? "L" : "") : Bad("a whole number");
            case "bool":
                return bool.TryParse(value, out var b) ? (b ? "true" : "false") : Bad("true or false");
            case "string[]":
                return "new[] { " + string.Join(", ", Items(value).Select(i => Literal(p with { Type = "string" }, i, notebook))) + " }";
            case "double[]" or "int[]":
                return $"new {type[..^2]}[] {{ " + string.Join(", ", Items(value).Select(i => Literal(p with { Type = type[..^2] }, i, notebook))) + " }";
            default:
                return value; // any other type: the value is a C# expression
        }
    }

    private static IEnumerable<string> Items(string value) =>
        value.Trim().TrimStart('[', '{').TrimEnd(']', '}').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
