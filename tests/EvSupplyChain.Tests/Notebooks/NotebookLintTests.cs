using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvSupplyChain.Notebooks;

namespace EvSupplyChain.Tests.Notebooks;

/// <summary>The notebook rules: valid Polyglot metadata, no outputs committed, unique cell ids, the library loaded by
/// the first code cell, NN-topic file names, at most one <c>parameters</c> cell holding only simple declarations.</summary>
public partial class NotebookLintTests
{
    public const string LibraryReference = "#r \"../artifacts/notebook/EvSupplyChain.Models.dll\"";

    [Theory]
    [MemberData(nameof(NotebookFiles.Names), MemberType = typeof(NotebookFiles))]
    public void Notebook_follows_the_rules(string notebook)
    {
        var problems = Lint(Path.Combine(NotebookFiles.Folder, notebook));
        Assert.True(problems.Count == 0, $"{notebook}:\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public void Lint_catches_each_broken_rule()
    {
        var dir = Directory.CreateTempSubdirectory("evsc-lint-").FullName;
        var path = Path.Combine(dir, "1-Bad Name.ipynb");
        var nb = TestNotebook.Json(TestNotebook.Code("using System;\n1", id: "c0"), TestNotebook.Code("2", id: "c0"),
            TestNotebook.Tagged(TestNotebook.Code("var year = 2035;\nConsole.WriteLine(year);"), "parameters"), TestNotebook.Tagged(TestNotebook.Code("var a = 1;"), "parameters"));
        nb["metadata"]!["kernelspec"]!["name"] = "python3";
        nb["cells"]![1]!["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "x" });
        nb["cells"]![1]!["execution_count"] = 3;
        File.WriteAllText(path, nb.ToJsonString());
        var problems = string.Join("\n", Lint(path));
        Assert.Contains("file name", problems);
        Assert.Contains("kernelspec.name", problems);
        Assert.Contains("only declarations", problems);
        Assert.Contains("2 cells tagged 'parameters'", problems);
        Assert.Contains("outputs", problems);
        Assert.Contains("execution_count", problems);
        Assert.Contains("duplicate", problems);
        Assert.Contains("first code cell", problems);
    }

    /// <summary>Every rule the notebook breaks, one line each.</summary>
    public static List<string> Lint(string path)
    {
        var problems = new List<string>();
        if (!FileName().IsMatch(Path.GetFileName(path))) problems.Add("file name must look like NN-topic.ipynb (two digits, lower-case words joined by '-')");
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Expect(problems, root, "nbformat", "4");
        Expect(problems, root, "nbformat_minor", "5");
        Expect(problems, root, "metadata.kernelspec.name", ".net-csharp");
        Expect(problems, root, "metadata.kernelspec.display_name", ".NET (C#)");
        Expect(problems, root, "metadata.kernelspec.language", "C#");
        Expect(problems, root, "metadata.language_info.name", "polyglot-notebook");
        Expect(problems, root, "metadata.polyglot_notebook.kernelInfo.defaultKernelName", "csharp");
        if (root["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["items"] is not JsonArray items || !items.Any(i => i?["name"]?.ToString() == "csharp"))
            problems.Add("metadata.polyglot_notebook.kernelInfo.items must list the csharp kernel");
        var ids = new HashSet<string>();
        var firstCode = true;
        var parameterCells = 0;
        var cells = root["cells"]?.AsArray() ?? [];
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i]!.AsObject();
            var at = $"cell {i + 1}";
            var id = cell["id"]?.ToString();
            if (string.IsNullOrEmpty(id)) problems.Add($"{at}: no id");
            else if (!ids.Add(id)) problems.Add($"{at}: duplicate id '{id}'");
            if (cell["cell_type"]?.ToString() != "code") continue;
            Expect(problems, cell, "metadata.polyglot_notebook.kernelName", "csharp", at);
            if (cell["outputs"] is not JsonArray { Count: 0 }) problems.Add($"{at}: outputs must be [] (commit notebooks without outputs)");
            if (cell["execution_count"] is not null) problems.Add($"{at}: execution_count must be null");
            var source = Source(cell);
            var lines = source.Split('\n');
            if (cell["metadata"]?["tags"] is JsonArray tags && tags.Any(t => t?.ToString() == Parameters.Tag))
            {
                parameterCells++;
                var statements = lines.Count(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("//", StringComparison.Ordinal));
                if (Parameters.Parse(source).Count != statements)
                    problems.Add($"{at}: the parameters cell must hold only declarations with a value, one per line (e.g. var year = 2035;)");
            }
            if (firstCode)
            {
                firstCode = false;
                if (lines[0].TrimEnd() != LibraryReference) problems.Add($"{at}: the first code cell must start with {LibraryReference}");
                else if (lines.Skip(1).FirstOrDefault(x => x.Trim().Length > 0 && !x.StartsWith("#r \"../artifacts/notebook/", StringComparison.Ordinal)) is not { } next
                         || !next.StartsWith("using ", StringComparison.Ordinal))
                    problems.Add($"{at}: the first code cell's #r lines (the library, then other artifacts/notebook assemblies) must be followed by using lines");
            }
        }
        if (firstCode) problems.Add("no code cell");
        // Exactly one is the rule; notebooks without one are tolerated until every notebook has its parameters cell.
        if (parameterCells > 1) problems.Add($"{parameterCells} cells tagged 'parameters' (at most one)");
        return problems;
    }

    private static string Source(JsonObject cell) => cell["source"] switch
    {
        JsonArray a => string.Concat(a.Select(x => x?.ToString())),
        { } v => v.ToString(),
        null => "",
    };

    private static void Expect(List<string> problems, JsonObject root, string path, string expected, string? at = null)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.')) node = node?[part];
        var actual = node?.ToJsonString().Trim('"');
        if (actual != expected) problems.Add($"{(at is null ? "" : at + ": ")}{path} must be \"{expected}\" (found {(node is null ? "nothing" : actual)})");
    }

    [GeneratedRegex(@"^\d\d-[a-z0-9]+(-[a-z0-9]+)*\.ipynb$")]
    private static partial Regex FileName();
}
