using System.Text.Json;
using System.Text.Json.Nodes;

namespace EvSupplyChain.Notebooks;

/// <summary>Writes the executed notebook: the input document with each code cell's outputs and execution count filled in.</summary>
public static class NotebookWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The executed notebook as nbformat JSON.</summary>
    public static string ToJson(NotebookResult result)
    {
        var root = (JsonObject)result.Notebook.Root.DeepClone();
        var cells = (JsonArray)root["cells"]!;
        foreach (var cr in result.Cells)
        {
            if (cr.Cell.Kind != CellKind.Code) continue;
            var cell = (JsonObject)cells[cr.Cell.Index]!;
            cell["execution_count"] = cr.ExecutionCount is { } n ? JsonValue.Create(n) : null;
            cell["outputs"] = new JsonArray(cr.Outputs.Select(o => (JsonNode?)ToJson(o, cr.ExecutionCount)).ToArray());
            cell["metadata"] ??= new JsonObject();
        }
        return root.ToJsonString(Indented) + "\n";
    }

    /// <summary>Writes <see cref="ToJson(NotebookResult)"/> to a file.</summary>
    public static void Write(NotebookResult result, string path) => File.WriteAllText(path, ToJson(result));

    private static JsonObject ToJson(CellOutput o, int? count) => o.Kind switch
    {
        OutputKind.Stream => new JsonObject { ["output_type"] = "stream", ["name"] = o.StreamName, ["text"] = Lines(o.Text) },
        OutputKind.Error => new JsonObject
        {
            ["output_type"] = "error", ["ename"] = o.StreamName, ["evalue"] = o.Text, ["traceback"] = new JsonArray(o.Text.Split('\n').Select(l => (JsonNode?)l).ToArray()),
        },
        OutputKind.Result => new JsonObject
        {
            ["output_type"] = "execute_result", ["execution_count"] = count, ["data"] = Data(o.Data), ["metadata"] = new JsonObject(),
        },
        _ => new JsonObject { ["output_type"] = "display_data", ["data"] = Data(o.Data), ["metadata"] = new JsonObject() },
    };

    /// <summary>JSON mime types are stored as JSON, text as a list of lines (as Jupyter writes them).</summary>
    private static JsonObject Data(IReadOnlyDictionary<string, string> data)
    {
        var obj = new JsonObject();
        foreach (var (mime, text) in data)
            obj[mime] = IsJson(mime) ? JsonNode.Parse(text) : Lines(text);
        return obj;
    }

    /// <summary>True for <c>application/json</c> and <c>application/*+json</c>.</summary>
    public static bool IsJson(string mime) => mime == "application/json" || (mime.StartsWith("application/", StringComparison.Ordinal) && mime.EndsWith("+json", StringComparison.Ordinal));

    private static JsonArray Lines(string text)
    {
        var parts = text.Split('\n');
        var arr = new JsonArray();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i < parts.Length - 1) arr.Add((JsonNode?)(parts[i] + "\n"));
            else if (parts[i].Length > 0) arr.Add((JsonNode?)parts[i]);
        }
        return arr;
    }
}
