using System.Text.Json.Nodes;

namespace EvSupplyChain.Tests.Notebooks;

/// <summary>Builds small Polyglot notebooks for the runner tests.</summary>
public static class TestNotebook
{
    private static int _next;

    /// <summary>A C# (or <paramref name="kernel"/>) code cell; <paramref name="kernel"/> null leaves the cell metadata empty.</summary>
    public static JsonObject Code(string source, string? kernel = "csharp", string? id = null) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["id"] = id ?? NextId(),
        ["metadata"] = kernel is null ? new JsonObject() : new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel } },
        ["outputs"] = new JsonArray(),
        ["source"] = source,
    };

    /// <summary>The cell with <c>metadata.tags</c> set.</summary>
    public static JsonObject Tagged(JsonObject cell, params string[] tags)
    {
        cell["metadata"]!["tags"] = new JsonArray(tags.Select(t => (JsonNode?)t).ToArray());
        return cell;
    }

    /// <summary>A markdown cell.</summary>
    public static JsonObject Markdown(string source) => new()
    {
        ["cell_type"] = "markdown", ["id"] = NextId(), ["metadata"] = new JsonObject(), ["source"] = source,
    };

    /// <summary>A whole notebook with Polyglot metadata.</summary>
    public static JsonObject Json(params JsonObject[] cells) => new()
    {
        ["cells"] = new JsonArray(cells.Select(c => (JsonNode?)c).ToArray()),
        ["metadata"] = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
            ["polyglot_notebook"] = new JsonObject
            {
                ["kernelInfo"] = new JsonObject
                {
                    ["defaultKernelName"] = "csharp",
                    ["items"] = new JsonArray(new JsonObject { ["name"] = "csharp", ["languageName"] = "csharp" }),
                },
            },
        },
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };

    /// <summary>Writes the notebook into a new temporary folder (or <paramref name="folder"/>) and returns its path.</summary>
    public static string Write(JsonObject notebook, string name = "test.ipynb", string? folder = null)
    {
        folder ??= Directory.CreateTempSubdirectory("evsc-nb-").FullName;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    private static string NextId() => "c" + Interlocked.Increment(ref _next).ToString("x6", System.Globalization.CultureInfo.InvariantCulture);
}
