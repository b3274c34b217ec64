using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvSupplyChain.Notebooks;

namespace EvSupplyChain.Tests.Notebooks;

/// <summary>The notebook rules: valid Polyglot metadata, no outputs committed, unique cell ids, the library loaded by
/// the first code cell, NN-topic file names, a <c>Source:</c> line in the first markdown cell, exactly one <c>parameters</c>
/// cell holding only simple declarations, and the usings the stock kernel needs.</summary>
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

    /// <summary>Notebooks that use System.IO (Path, File, Directory) without <c>using System.IO;</c>: they run under
    /// <c>evsc render</c> only because its kernel host imports System.IO as the old runner did; the stock Jupyter kernel
    /// does not. Owners add the using; then the entry goes here, and once the list is empty, the import in KernelHost.</summary>
    public static readonly string[] MissingSystemIoUsing = [];

    [Fact]
    public void System_io_allow_list_names_only_notebooks_that_still_need_it()
    {
        var needing = NotebookFiles.Files().Where(n => UsesSystemIoWithoutUsing(Path.Combine(NotebookFiles.Folder, n))).ToArray();
        Assert.Equal(MissingSystemIoUsing.Order(), needing.Order());
    }

    [Fact]
    public void Lint_catches_each_broken_rule()
    {
        var dir = Directory.CreateTempSubdirectory("evsc-lint-").FullName;
        var path = Path.Combine(dir, "1-Bad Name.ipynb");
        var nb = TestNotebook.Json(TestNotebook.Code("using System;\n1", id: "c0"), TestNotebook.Code("Path.GetFileName(\"x\")", id: "c0"),
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
        Assert.Contains("Source:", problems);
        Assert.Contains("System.IO", problems);
    }

    [Fact]
    public void A_notebook_without_a_parameters_cell_breaks_the_rule()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("evsc-lint-").FullName, "01-no-parameters.ipynb");
        File.WriteAllText(path, TestNotebook.Json(TestNotebook.Code(LibraryReference + "\nusing System;\n1")).ToJsonString());
        Assert.Contains("0 cells tagged 'parameters'", string.Join("\n", Lint(path)));
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
        if (parameterCells != 1) problems.Add($"{parameterCells} cells tagged 'parameters' (exactly one)");
        var firstMarkdown = cells.FirstOrDefault(c => c?["cell_type"]?.ToString() == "markdown") is JsonObject md ? Source(md) : "";
        if (!firstMarkdown.Split('\n').Any(l => l.TrimStart().StartsWith("Source:", StringComparison.Ordinal)))
            problems.Add("the first markdown cell needs a line starting 'Source:' with the citation (the report index shows it)");
        if (UsesSystemIoWithoutUsing(path) && !MissingSystemIoUsing.Contains(Path.GetFileName(path)))
            problems.Add("uses System.IO (Path, File, Directory) without `using System.IO;`, which the stock kernel does not import");
        return problems;
    }

    /// <summary>True when a code cell names Path., File. or Directory. and no cell has <c>using System.IO;</c>.</summary>
    public static bool UsesSystemIoWithoutUsing(string path)
    {
        var code = JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray()
            .Where(c => c?["cell_type"]?.ToString() == "code").Select(c => Source(c!.AsObject())).ToArray();
        return code.Any(c => SystemIoUse().IsMatch(c)) && !code.Any(c => c.Contains("using System.IO;", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"(?<![\w.])(Path|File|Directory)\.[A-Z]")]
    private static partial Regex SystemIoUse();

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
