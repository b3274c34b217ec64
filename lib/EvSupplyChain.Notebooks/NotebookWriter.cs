using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;
using Jupyter = Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace EvSupplyChain.Notebooks;

/// <summary>Writes the executed notebook with Microsoft.DotNet.Interactive.Documents: the input document with each code
/// cell's outputs and execution count, plus an optional static image per figure output.</summary>
public static class NotebookWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The executed notebook as nbformat 4.5 JSON. <paramref name="images"/> adds, per (cell index, output
    /// index), a static rendering (<c>image/svg+xml</c> or <c>image/png</c>) of a figure output.</summary>
    public static string ToJson(NotebookResult result, IReadOnlyDictionary<(int Cell, int Output), (string Mime, string Data)>? images = null)
    {
        var document = new InteractiveDocument();
        foreach (var (key, value) in result.Notebook.Document.Metadata) document.Metadata[key] = value;
        foreach (var cr in result.Cells)
        {
            var source = cr.Cell.Element;
            var kernel = cr.Cell.Kind == CellKind.Markdown ? "markdown" : source.KernelName ?? "csharp";
            var element = new InteractiveDocumentElement(source.Contents, kernel)
            {
                Id = source.Id ?? $"cell-{cr.Cell.Number}",
                Metadata = source.Metadata is null ? null : new Dictionary<string, object>(source.Metadata),
                ExecutionOrder = cr.ExecutionCount ?? 0,
            };
            for (var i = 0; i < cr.Outputs.Count; i++)
            {
                var o = cr.Outputs[i];
                InteractiveDocumentOutputElement output;
                switch (o.Kind)
                {
                    case OutputKind.Stream:
                        output = new TextElement(o.Text, o.StreamName);
                        break;
                    case OutputKind.Error:
                        output = new ErrorElement(o.Text, o.StreamName, (o.Traceback ?? [o.Text]).ToArray());
                        break;
                    case OutputKind.Result:
                        var value = new ReturnValueElement { ExecutionOrder = cr.ExecutionCount ?? 0 };
                        Fill(value.Data, o, images, (cr.Cell.Index, i));
                        output = value;
                        break;
                    default:
                        var data = new Dictionary<string, object>();
                        Fill(data, o, images, (cr.Cell.Index, i));
                        output = new DisplayElement(data);
                        break;
                }
                element.Outputs.Add(output);
            }
            document.Add(element);
        }
        var json = JsonNode.Parse(Jupyter.Notebook.ToJupyterJson(document))!;
        JsonMimeTypesAsObjects(json);
        return json.ToJsonString(Indented) + "\n";
    }

    /// <summary>Writes <see cref="ToJson"/> to a file.</summary>
    public static void Write(NotebookResult result, string path, IReadOnlyDictionary<(int Cell, int Output), (string Mime, string Data)>? images = null) =>
        File.WriteAllText(path, ToJson(result, images));

    /// <summary>True for <c>application/json</c> and <c>application/*+json</c>.</summary>
    public static bool IsJson(string mime) => mime == "application/json" || (mime.StartsWith("application/", StringComparison.Ordinal) && mime.EndsWith("+json", StringComparison.Ordinal));

    private static void Fill(IDictionary<string, object> data, CellOutput o, IReadOnlyDictionary<(int, int), (string Mime, string Data)>? images, (int, int) at)
    {
        foreach (var (mime, text) in o.Data) data[mime] = text;
        if (images is not null && images.TryGetValue(at, out var image)) data[image.Mime] = image.Data;
    }

    /// <summary>The document writer stores every mime value as lines of text; nbformat viewers expect JSON mime types
    /// (the Plotly figure) as JSON values.</summary>
    private static void JsonMimeTypesAsObjects(JsonNode root)
    {
        foreach (var cell in root["cells"]!.AsArray())
        {
            if (cell?["outputs"] is not JsonArray outputs) continue;
            foreach (var output in outputs)
            {
                if (output?["data"] is not JsonObject data) continue;
                foreach (var mime in data.Select(kv => kv.Key).Where(IsJson).ToArray())
                {
                    var text = data[mime] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)data[mime];
                    try
                    {
                        data[mime] = JsonNode.Parse(text ?? "null");
                    }
                    catch (JsonException)
                    {
                        // not JSON after all: leave the text
                    }
                }
            }
        }
    }
}
