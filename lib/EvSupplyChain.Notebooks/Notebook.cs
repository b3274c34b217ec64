using System.Text.Json;
using System.Text.Json.Nodes;

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

/// <summary>One cell of a notebook: its kind, source and (for code) the kernel it targets.</summary>
/// <param name="Index">Zero-based position in the notebook.</param>
/// <param name="Kind">Code, markdown or raw.</param>
/// <param name="Source">The cell text.</param>
/// <param name="Kernel">For code cells, the kernel name from the cell metadata, a leading <c>#!kernel</c> line or the notebook default.</param>
/// <param name="Json">The cell as read, kept so the executed copy preserves ids and metadata.</param>
public sealed record NotebookCell(int Index, CellKind Kind, string Source, string? Kernel, JsonObject Json)
{
    /// <summary>The cell number a person counts (1-based).</summary>
    public int Number => Index + 1;

    /// <summary>True for code cells the C# runner executes.</summary>
    public bool IsCSharp => Kind == CellKind.Code && Kernel is not null && Notebook.IsCSharpKernel(Kernel);
}

/// <summary>A Polyglot / Jupyter notebook (nbformat 4.4 or 4.5) read from a file.</summary>
public sealed class Notebook
{
    private Notebook(string path, JsonObject root, IReadOnlyList<NotebookCell> cells, string defaultKernel)
    {
        Path = path;
        Root = root;
        Cells = cells;
        DefaultKernel = defaultKernel;
    }

    /// <summary>The file the notebook was read from (full path).</summary>
    public string Path { get; }

    /// <summary>File name without extension, e.g. <c>00-getting-started</c>.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>The folder <c>#r</c> and <c>#load</c> paths are resolved against.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>The whole document as read.</summary>
    public JsonObject Root { get; }

    /// <summary>Cells in order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The kernel of cells that name none (<c>metadata.polyglot_notebook.kernelInfo.defaultKernelName</c>, else csharp).</summary>
    public string DefaultKernel { get; }

    /// <summary>The first markdown heading, else the file name.</summary>
    public string Title
    {
        get
        {
            foreach (var cell in Cells.Where(c => c.Kind == CellKind.Markdown))
            {
                var heading = cell.Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith('#'));
                if (heading is not null) return heading.TrimStart('#').Trim();
            }
            return Name;
        }
    }

    /// <summary>True for the names Polyglot gives the C# kernel.</summary>
    public static bool IsCSharpKernel(string kernel) =>
        kernel.Equals("csharp", StringComparison.OrdinalIgnoreCase) || kernel.Equals("c#", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads and checks a notebook file.</summary>
    /// <exception cref="NotebookFormatException">The file is not JSON or not nbformat 4; the message names the JSON path.</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static Notebook Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"Notebook '{path}' does not exist.", path);
        return Parse(File.ReadAllText(full), full);
    }

    /// <summary>Parses notebook JSON; <paramref name="path"/> names the file in messages and anchors <c>#r</c>.</summary>
    public static Notebook Parse(string json, string path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            var where = JsonErrorPath.Find(json) ?? "$";
            throw new NotebookFormatException(path, where, $"invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}", e);
        }
        if (node is not JsonObject root) throw new NotebookFormatException(path, "$", "expected a JSON object (an .ipynb notebook)");
        if (root["nbformat"] is not JsonValue major || !major.TryGetValue(out int nbformat) || nbformat != 4)
            throw new NotebookFormatException(path, "$.nbformat", "expected nbformat 4");
        if (root["nbformat_minor"] is not JsonValue minorNode || !minorNode.TryGetValue(out int _))
            throw new NotebookFormatException(path, "$.nbformat_minor", "expected an integer");
        var metadata = root["metadata"] as JsonObject;
        if (root["metadata"] is not null && metadata is null) throw new NotebookFormatException(path, "$.metadata", "expected an object");
        var defaultKernel = metadata?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"] is JsonValue dk && dk.TryGetValue(out string? dks) ? dks : "csharp";
        if (root["cells"] is not JsonArray cellsNode) throw new NotebookFormatException(path, "$.cells", "expected an array of cells");
        var cells = new List<NotebookCell>(cellsNode.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < cellsNode.Count; i++)
            cells.Add(ReadCell(path, i, cellsNode[i], defaultKernel, ids));
        return new Notebook(path, root, cells, defaultKernel);
    }

    private static NotebookCell ReadCell(string path, int i, JsonNode? node, string defaultKernel, HashSet<string> ids)
    {
        var at = $"$.cells[{i}]";
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
        if (cell["metadata"] is { } md && md is not JsonObject)
            throw new NotebookFormatException(path, at + ".metadata", "expected an object");
        var source = ReadSource(path, at + ".source", cell["source"]);
        string? kernel = null;
        if (kind == CellKind.Code)
        {
            if (cell["outputs"] is { } outs && outs is not JsonArray)
                throw new NotebookFormatException(path, at + ".outputs", "expected an array");
            kernel = KernelOf(cell["metadata"] as JsonObject, source, defaultKernel);
        }
        return new NotebookCell(i, kind, source, kernel, cell);
    }

    /// <summary>nbformat allows a string or a list of strings (lines with their newlines).</summary>
    private static string ReadSource(string path, string at, JsonNode? node)
    {
        switch (node)
        {
            case null:
                throw new NotebookFormatException(path, at, "missing; expected a string or an array of strings");
            case JsonValue v when v.TryGetValue(out string? s):
                return s.Replace("\r\n", "\n");
            case JsonArray a:
                var parts = new string[a.Count];
                for (var j = 0; j < a.Count; j++)
                {
                    parts[j] = a[j] is JsonValue pv && pv.TryGetValue(out string? p) ? p
                        : throw new NotebookFormatException(path, $"{at}[{j}]", "expected a string");
                }
                return string.Concat(parts).Replace("\r\n", "\n");
            default:
                throw new NotebookFormatException(path, at, "expected a string or an array of strings");
        }
    }

    /// <summary>A leading <c>#!name</c> line wins, then Polyglot's cell metadata, then the older dotnet_interactive one, then the default.</summary>
    private static string KernelOf(JsonObject? metadata, string source, string defaultKernel)
    {
        var first = source.TrimStart().Split('\n', 2)[0].Trim();
        if (first.StartsWith("#!", StringComparison.Ordinal) && first.Length > 2 && !first.Contains(' ', StringComparison.Ordinal)
            && KnownKernels.Contains(first[2..]))
            return first[2..];
        if (metadata?["polyglot_notebook"]?["kernelName"] is JsonValue k && k.TryGetValue(out string? name)) return name;
        if (metadata?["dotnet_interactive"]?["language"] is JsonValue l && l.TryGetValue(out string? lang)) return lang;
        return defaultKernel;
    }

    private static readonly HashSet<string> KnownKernels = new(StringComparer.OrdinalIgnoreCase)
    {
        "csharp", "c#", "fsharp", "f#", "pwsh", "powershell", "javascript", "js", "html", "markdown", "md", "mermaid", "sql", "kql", "value", "http",
    };
}
