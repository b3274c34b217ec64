using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;
using Jupyter = Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace EvSupplyChain.Notebooks;

/// <summary>The kind of a notebook cell.</summary>
public enum CellKind
{
    /// <summary>Code, run by a kernel.</summary>
    Code,

    /// <summary>Markdown prose.</summary>
    Markdown,

    /// <summary>Raw text, passed through.</summary>
    Raw,
}

/// <summary>One cell of a notebook.</summary>
/// <param name="Index">Zero-based position in the notebook.</param>
/// <param name="Kind">Code, markdown or raw.</param>
/// <param name="Source">The cell text.</param>
/// <param name="Kernel">For code cells, the kernel it targets (cell metadata, a leading <c>#!kernel</c> line or the notebook default).</param>
/// <param name="Element">The cell as .NET Interactive's document model holds it (id and metadata are kept from there).</param>
public sealed record NotebookCell(int Index, CellKind Kind, string Source, string? Kernel, InteractiveDocumentElement Element)
{
    /// <summary>The cell number a person counts (1-based).</summary>
    public int Number => Index + 1;

    /// <summary>True for code cells the C# kernel executes.</summary>
    public bool IsCSharp => Kind == CellKind.Code && Kernel is not null && Notebook.IsCSharpKernel(Kernel);

    /// <summary>The cell's tags (<c>metadata.tags</c>), e.g. <c>parameters</c>.</summary>
    public IReadOnlyList<string> Tags => Element.Metadata?.TryGetValue("tags", out var t) == true && t is IEnumerable<object> list
        ? list.OfType<string>().ToArray() : [];
}

/// <summary>A notebook (<c>.ipynb</c>, nbformat 4, or Polyglot <c>.dib</c>) read with Microsoft.DotNet.Interactive.Documents.</summary>
public sealed class Notebook
{
    /// <summary>The kernels a notebook may name: C# runs; the others are listed so their cells are recognised and skipped.</summary>
    public static KernelInfoCollection Kernels { get; } = new()
    {
        new KernelInfo("csharp", "C#", ["c#", "C#"]),
        new KernelInfo("fsharp", "F#", ["f#", "F#"]),
        new KernelInfo("pwsh", "PowerShell", ["powershell"]),
        new KernelInfo("javascript", "JavaScript", ["js"]),
        new KernelInfo("html", "HTML"),
        new KernelInfo("mermaid", "Mermaid"),
        new KernelInfo("sql", "SQL"),
        new KernelInfo("kql", "KQL"),
        new KernelInfo("value", "Value"),
        new KernelInfo("http", "HTTP"),
    };

    private Notebook(string path, InteractiveDocument document, IReadOnlyList<CellKind> kinds, IReadOnlyList<bool>? namesKernel = null, string? defaultKernel = null)
    {
        Path = path;
        Document = document;
        defaultKernel ??= document.GetDefaultKernelName() ?? "csharp";
        // The reader gives a cell without kernel metadata the kernelspec's language; VS Code uses the notebook's default kernel.
        for (var i = 0; i < document.Elements.Count; i++)
            if (namesKernel is not null && !namesKernel[i] && kinds[i] == CellKind.Code) document.Elements[i].KernelName = defaultKernel;
        Cells = document.Elements.Select((e, i) => new NotebookCell(i, kinds[i], e.Contents, kinds[i] == CellKind.Code ? KernelOf(e, defaultKernel) : null, e)).ToArray();
    }

    /// <summary>The file the notebook was read from (full path).</summary>
    public string Path { get; }

    /// <summary>File name without extension, e.g. <c>00-getting-started</c>.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>The folder <c>#r</c> and <c>#load</c> paths are resolved against (the kernel's working directory).</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>The document as read.</summary>
    public InteractiveDocument Document { get; }

    /// <summary>Cells in order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The first markdown heading, else the file name.</summary>
    public string Title =>
        MarkdownLines().FirstOrDefault(l => l.StartsWith('#')) is { } heading ? heading.TrimStart('#').Trim() : Name;

    /// <summary>The citation: the paragraph that starts with <c>Source:</c> in a markdown cell, without that word (it may
    /// go on over several lines).</summary>
    public string? Citation
    {
        get
        {
            foreach (var cell in Cells.Where(c => c.Kind == CellKind.Markdown))
            {
                var lines = cell.Source.Split('\n').Select(l => l.Trim()).ToArray();
                var start = Array.FindIndex(lines, l => l.StartsWith("Source:", StringComparison.OrdinalIgnoreCase));
                if (start < 0) continue;
                var paragraph = lines.Skip(start).TakeWhile((l, i) => i == 0 || (l.Length > 0 && !l.StartsWith('#')));
                return string.Join(" ", paragraph)["Source:".Length..].Trim();
            }
            return null;
        }
    }

    private IEnumerable<string> MarkdownLines() =>
        Cells.Where(c => c.Kind == CellKind.Markdown).SelectMany(c => c.Source.Split('\n')).Select(l => l.Trim());

    /// <summary>True for the names the C# kernel answers to.</summary>
    public static bool IsCSharpKernel(string kernel) =>
        kernel.Equals("csharp", StringComparison.OrdinalIgnoreCase) || kernel.Equals("c#", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads and checks a notebook file (<c>.ipynb</c> or <c>.dib</c>).</summary>
    /// <exception cref="NotebookFormatException">Not valid nbformat 4; the message names the file and JSON path.</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static Notebook Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"Notebook '{path}' does not exist.", path);
        var text = File.ReadAllText(full);
        return full.EndsWith(".dib", StringComparison.OrdinalIgnoreCase) ? ParseDib(text, full) : Parse(text, full);
    }

    /// <summary>Parses <c>.ipynb</c> JSON; <paramref name="path"/> names the file in messages and anchors <c>#r</c>.</summary>
    public static Notebook Parse(string json, string path)
    {
        var kinds = NotebookJsonCheck.Check(json, path);
        try
        {
            return new Notebook(path, Jupyter.Notebook.Parse(json, Kernels), kinds, NotebookJsonCheck.NamesKernel(json), NotebookJsonCheck.DefaultKernel(json));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new NotebookFormatException(path, "$", e.Message, e);
        }
    }

    /// <summary>Parses a Polyglot <c>.dib</c> file (cells separated by <c>#!kernel</c> lines; no outputs).</summary>
    public static Notebook ParseDib(string text, string path)
    {
        var document = CodeSubmission.Parse(text, Kernels);
        return new Notebook(path, document, document.Elements.Select(e => e.KernelName is "markdown" or "md" ? CellKind.Markdown : CellKind.Code).ToArray());
    }

    /// <summary>A copy with <paramref name="cell"/> inserted after position <paramref name="afterIndex"/> (e.g. injected parameters).</summary>
    public Notebook WithCellInserted(int afterIndex, InteractiveDocumentElement cell)
    {
        var elements = Document.Elements.ToList();
        elements.Insert(afterIndex + 1, cell);
        var document = new InteractiveDocument(elements);
        foreach (var (key, value) in Document.Metadata) document.Metadata[key] = value;
        var kinds = Cells.Select(c => c.Kind).ToList();
        kinds.Insert(afterIndex + 1, CellKind.Code);
        return new Notebook(Path, document, kinds);
    }

    private static string KernelOf(InteractiveDocumentElement e, string defaultKernel)
    {
        // A leading "#!fsharp" line targets that kernel, whatever the metadata says.
        var first = e.Contents.TrimStart().Split('\n', 2)[0].Trim();
        if (first.StartsWith("#!", StringComparison.Ordinal) && Kernels.FirstOrDefault(k => k.Name == first[2..] || k.Aliases.Contains(first[2..])) is { } k)
            return k.Name;
        return e.KernelName ?? defaultKernel;
    }
}

/// <summary>Checks the nbformat 4 structure before .NET Interactive's reader sees it, so a broken file is reported
/// with its JSON path (e.g. <c>$.cells[1].source</c>) rather than a reader exception; returns each cell's kind.</summary>
internal static class NotebookJsonCheck
{
    public static IReadOnlyList<CellKind> Check(string json, string path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(path, JsonErrorPath.Find(json) ?? "$", $"invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}", e);
        }
        if (node is not JsonObject root) throw new NotebookFormatException(path, "$", "expected a JSON object (an .ipynb notebook)");
        if (root["nbformat"] is not JsonValue major || !major.TryGetValue(out int nbformat) || nbformat != 4)
            throw new NotebookFormatException(path, "$.nbformat", "expected nbformat 4");
        if (root["nbformat_minor"] is not JsonValue minor || !minor.TryGetValue(out int _))
            throw new NotebookFormatException(path, "$.nbformat_minor", "expected an integer");
        if (root["metadata"] is { } md && md is not JsonObject) throw new NotebookFormatException(path, "$.metadata", "expected an object");
        if (root["cells"] is not JsonArray cells) throw new NotebookFormatException(path, "$.cells", "expected an array of cells");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var kinds = new List<CellKind>(cells.Count);
        for (var i = 0; i < cells.Count; i++) kinds.Add(CheckCell(path, $"$.cells[{i}]", cells[i], ids));
        return kinds;
    }

    /// <summary>The notebook's default kernel (Polyglot's <c>metadata.polyglot_notebook.kernelInfo.defaultKernelName</c>).</summary>
    /// <remarks>Cells name theirs in Polyglot's <c>polyglot_notebook.kernelName</c> or the older
    /// <c>dotnet_interactive.language</c>).</remarks>
    public static string? DefaultKernel(string json) =>
        JsonNode.Parse(json)!["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"] is JsonValue v && v.TryGetValue(out string? name) ? name : null;

    /// <summary>Per cell: whether its metadata names a kernel. Call after <see cref="Check"/>.</summary>
    public static IReadOnlyList<bool> NamesKernel(string json) =>
        JsonNode.Parse(json)!["cells"]!.AsArray().Select(c => c?["metadata"] is JsonObject md &&
            (md["polyglot_notebook"]?["kernelName"] is JsonValue || md["dotnet_interactive"]?["language"] is JsonValue)).ToArray();

    private static CellKind CheckCell(string path, string at, JsonNode? node, HashSet<string> ids)
    {
        if (node is not JsonObject cell) throw new NotebookFormatException(path, at, "expected a cell object");
        var kind = cell["cell_type"] is JsonValue t && t.TryGetValue(out string? type) ? type switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            _ => throw new NotebookFormatException(path, at + ".cell_type", $"unknown cell type '{type}' (code, markdown or raw)"),
        } : throw new NotebookFormatException(path, at + ".cell_type", "expected a string");
        if (cell["id"] is { } idNode)
        {
            if (idNode is not JsonValue iv || !iv.TryGetValue(out string? id) || id.Length == 0)
                throw new NotebookFormatException(path, at + ".id", "expected a non-empty string");
            if (!ids.Add(id)) throw new NotebookFormatException(path, at + ".id", $"duplicate cell id '{id}'");
        }
        if (cell["metadata"] is { } md && md is not JsonObject) throw new NotebookFormatException(path, at + ".metadata", "expected an object");
        switch (cell["source"])
        {
            case null:
                throw new NotebookFormatException(path, at + ".source", "missing; expected a string or an array of strings");
            case JsonValue v when v.TryGetValue(out string? _):
                break;
            case JsonArray a:
                for (var j = 0; j < a.Count; j++)
                {
                    if (a[j] is not JsonValue pv || !pv.TryGetValue(out string? _))
                        throw new NotebookFormatException(path, $"{at}.source[{j}]", "expected a string");
                }
                break;
            default:
                throw new NotebookFormatException(path, at + ".source", "expected a string or an array of strings");
        }
        if (kind == CellKind.Code && cell["outputs"] is { } outs && outs is not JsonArray)
            throw new NotebookFormatException(path, at + ".outputs", "expected an array");
        return kind;
    }
}
