using System.Text.Json.Nodes;
using EvSupplyChain.Notebooks;

namespace EvSupplyChain.Tests.Notebooks;

[Collection(NotebookExecution.Name)]
public class NotebookRunnerTests
{
    private static async Task<NotebookResult> Run(params JsonObject[] cells) =>
        await new NotebookRunner().RunAsync(TestNotebook.Write(TestNotebook.Json(cells)));

    private static string[] Kinds(CellResult c) => c.Outputs.Select(o => o.Kind.ToString()).ToArray();

    [Fact]
    public async Task Runs_only_csharp_cells_chosen_by_kernel_metadata()
    {
        var nb = TestNotebook.Json(
            TestNotebook.Markdown("# Title"),
            TestNotebook.Code("1 + 1"),
            TestNotebook.Code("let x = 1", kernel: "fsharp"),
            TestNotebook.Code("#!pwsh\nGet-Date"),
            TestNotebook.Code("2 + 2", kernel: null),
            TestNotebook.Code("#!csharp\n3 + 3", kernel: "fsharp"));
        nb["cells"]![4]!["metadata"] = new JsonObject { ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" } };
        var result = await new NotebookRunner().RunAsync(TestNotebook.Write(nb));
        Assert.Equal([CellStatus.Text, CellStatus.Ran, CellStatus.OtherKernel, CellStatus.OtherKernel, CellStatus.Ran, CellStatus.Ran],
            result.Cells.Select(c => c.Status));
        Assert.Equal("fsharp", result.Cells[2].Cell.Kernel);
        Assert.Equal("pwsh", result.Cells[3].Cell.Kernel);
        Assert.Equal(["2", "4", "6"], result.Cells.Where(c => c.Status == CellStatus.Ran).Select(c => c.Outputs.Single().PlainText));
        Assert.Equal("Title", result.Notebook.Title);
    }

    [Fact]
    public async Task Cells_without_kernel_metadata_use_the_notebook_default_kernel()
    {
        var nb = TestNotebook.Json(TestNotebook.Code("1", kernel: null));
        nb["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"] = "fsharp";
        var result = await new NotebookRunner().RunAsync(TestNotebook.Write(nb));
        Assert.Equal(CellStatus.OtherKernel, result.Cells[0].Status);
    }

    [Fact]
    public async Task Hash_r_resolves_against_the_notebook_folder()
    {
        var root = Directory.CreateTempSubdirectory("evsc-r-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "lib"));
        foreach (var dll in new[] { "EvSupplyChain.Models.dll", "CsvHelper.dll", "MathNet.Numerics.dll" })
            File.Copy(Path.Combine(AppContext.BaseDirectory, dll), Path.Combine(root, "lib", dll));
        var path = TestNotebook.Write(TestNotebook.Json(TestNotebook.Code(
            "#r \"../lib/EvSupplyChain.Models.dll\"\nusing EvSupplyChain.Models.Display;\nTable.From(new[] { 1.5, 2.5 }).RowCount")), folder: Path.Combine(root, "nb"));
        var result = await new NotebookRunner().RunAsync(path);
        Assert.True(result.Succeeded, NotebookFiles.Describe(result));
        Assert.Equal("2", result.Cells[0].Outputs.Single().PlainText);
    }

    [Fact]
    public async Task Captures_display_console_and_trailing_value_in_order()
    {
        var result = await Run(TestNotebook.Code("display(1);\nConsole.WriteLine(\"hi\");\nConsole.Error.WriteLine(\"warn\");\ndisplay(HTML(\"<b>x</b>\"));\n41 + 1"));
        var cell = result.Cells[0];
        Assert.Equal(["Display", "Stream", "Stream", "Display", "Result"], Kinds(cell));
        Assert.Equal("1", cell.Outputs[0].PlainText);
        Assert.Equal(("stdout", "hi\n"), (cell.Outputs[1].StreamName, cell.Outputs[1].Text.Replace("\r", "")));
        Assert.Equal("stderr", cell.Outputs[2].StreamName);
        Assert.Equal("<b>x</b>", cell.Outputs[3].Data["text/html"]);
        Assert.Equal("42", cell.Outputs[4].PlainText);
    }

    [Theory]
    [InlineData("var y = 41 + 1;", 0)]
    [InlineData("Console.Write(\"\")", 0)]
    [InlineData("display(5)", 1)]
    [InlineData("var x = 3;\nx", 1)]
    [InlineData("(object?)null", 1)]
    public async Task Only_a_trailing_expression_with_a_value_is_shown(string code, int outputs)
    {
        var result = await Run(TestNotebook.Code(code));
        Assert.True(result.Succeeded, NotebookFiles.Describe(result));
        Assert.Equal(outputs, result.Cells[0].Outputs.Count);
    }

    [Fact]
    public async Task Null_trailing_value_shows_as_null_and_sequences_as_lists()
    {
        var result = await Run(TestNotebook.Code("(string?)null"), TestNotebook.Code("Enumerable.Range(1, 25)"), TestNotebook.Code("2.5"));
        Assert.Equal("<null>", result.Cells[0].Outputs.Single().PlainText);
        Assert.Equal("[ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, … (5 more) ]", result.Cells[1].Outputs.Single().PlainText);
        Assert.Equal("2.5", result.Cells[2].Outputs.Single().PlainText);
    }

    [Fact]
    public async Task State_carries_from_cell_to_cell()
    {
        var result = await Run(TestNotebook.Code("var x = 2;\nint Twice(int v) => 2 * v;"), TestNotebook.Code("Twice(x) + 1"));
        Assert.Equal("5", result.Cells[1].Outputs.Single().PlainText);
        Assert.Equal([1, 2], result.Cells.Select(c => c.ExecutionCount ?? 0));
    }

    [Fact]
    public async Task Compile_error_names_cell_and_line_and_stops_the_notebook()
    {
        var result = await Run(TestNotebook.Code("var a = 1;"), TestNotebook.Code("var b = 2;\nvar c = undefinedName;"), TestNotebook.Code("3"));
        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Failure!.CellNumber);
        Assert.Equal(2, result.Failure.Line);
        Assert.Contains("undefinedName", result.Failure.Message);
        Assert.Equal([CellStatus.Ran, CellStatus.Failed, CellStatus.NotRun], result.Cells.Select(c => c.Status));
        Assert.Equal(OutputKind.Error, result.Cells[1].Outputs.Single().Kind);
        Assert.StartsWith("cell 2, line 2: ", result.Failure.ToString());
    }

    [Fact]
    public async Task Runtime_exception_names_cell_line_and_message()
    {
        var result = await Run(TestNotebook.Code("Console.WriteLine(\"before\");\nvar n = 0;\nthrow new InvalidOperationException(\"boom\");"));
        Assert.Equal(new CellFailure(1, 3, "InvalidOperationException: boom"), result.Failure);
        Assert.Equal(["Stream", "Error"], Kinds(result.Cells[0]));
        Assert.Equal("InvalidOperationException", result.Cells[0].Outputs[1].StreamName);
    }

    [Fact]
    public async Task Exception_thrown_in_a_method_defined_in_an_earlier_cell_points_at_the_calling_cell()
    {
        var result = await Run(TestNotebook.Code("void Fail() => throw new ArgumentException(\"bad\");"), TestNotebook.Code("\nFail();"));
        Assert.Equal(2, result.Failure!.CellNumber);
        Assert.Equal(2, result.Failure.Line);
    }

    [Fact]
    public async Task A_cell_that_runs_too_long_times_out()
    {
        var runner = new NotebookRunner(new RunnerOptions { CellTimeout = TimeSpan.FromMilliseconds(300) });
        var result = await runner.RunAsync(TestNotebook.Write(TestNotebook.Json(TestNotebook.Code("await Task.Delay(5000);"), TestNotebook.Code("1"))));
        Assert.Equal(1, result.Failure!.CellNumber);
        Assert.Contains("did not finish within 0.3 s", result.Failure.Message);
        Assert.Equal(CellStatus.NotRun, result.Cells[1].Status);
    }

    [Fact]
    public async Task Magics_and_nuget_references_are_skipped_with_a_note()
    {
        var result = await Run(TestNotebook.Code("#!time\n#r \"nuget:Foo, 1.0\"\n1 + 1"));
        Assert.True(result.Succeeded, NotebookFiles.Describe(result));
        var cell = result.Cells[0];
        Assert.Equal(["Stream", "Result"], Kinds(cell));
        Assert.Contains("line 1 ignored", cell.Outputs[0].Text);
        Assert.Contains("line 2 ignored", cell.Outputs[0].Text);
    }

    [Fact]
    public async Task Library_types_render_through_the_formatter_source_convention()
    {
        var result = await Run(TestNotebook.Code(
            "#r \"" + Path.Combine(AppContext.BaseDirectory, "EvSupplyChain.Models.dll") + "\"\nusing EvSupplyChain.Models.Display;\n" +
            "display(Table.From(new[] { 1.0 }));\nFigures.Lines(\"t\", new[] { 1.0, 2.0 }, new[] { new Series(\"s\", new[] { 3.0, 4.0 }) })"));
        Assert.True(result.Succeeded, NotebookFiles.Describe(result));
        var table = result.Cells[0].Outputs[0].Data;
        Assert.Contains("<table class=\"evsc-table\">", table["text/html"]);
        Assert.Contains("Value", table["text/plain"]);
        var fig = result.Cells[0].Outputs[1].Data;
        Assert.Equal(["text/html", "text/plain", "application/vnd.plotly.v1+json"], fig.Keys);
        Assert.Equal("scatter", JsonNode.Parse(fig["application/vnd.plotly.v1+json"])!["data"]![0]!["type"]!.ToString());
    }

    [Fact]
    public async Task Executed_notebook_is_valid_nbformat_with_outputs()
    {
        var source = TestNotebook.Json(
            TestNotebook.Markdown("# T"),
            TestNotebook.Code("#r \"" + Path.Combine(AppContext.BaseDirectory, "EvSupplyChain.Models.dll") + "\"\nusing EvSupplyChain.Models.Display;\nConsole.WriteLine(\"a\");\ndisplay(new Figure(\"f\"));\n7"),
            TestNotebook.Code("throw new Exception(\"x\");"),
            TestNotebook.Code("1"));
        var result = await new NotebookRunner().RunAsync(TestNotebook.Write(source));
        var nb = JsonNode.Parse(NotebookWriter.ToJson(result))!.AsObject();
        Assert.Equal(4, (int)nb["nbformat"]!);
        Assert.Equal(5, (int)nb["nbformat_minor"]!);
        var cells = nb["cells"]!.AsArray();
        Assert.Equal(source["cells"]!.AsArray().Select(c => c!["id"]!.ToString()), cells.Select(c => c!["id"]!.ToString()));
        Assert.Null(cells[0]!["outputs"]);
        var outputs = cells[1]!["outputs"]!.AsArray();
        Assert.Equal(["stream", "display_data", "execute_result"], outputs.Select(o => o!["output_type"]!.ToString()));
        Assert.Equal("stdout", outputs[0]!["name"]!.ToString());
        Assert.IsType<JsonObject>(outputs[1]!["data"]!["application/vnd.plotly.v1+json"]);
        Assert.IsType<JsonObject>(outputs[1]!["metadata"]);
        Assert.Equal(1, (int)cells[1]!["execution_count"]!);
        Assert.Equal(1, (int)outputs[2]!["execution_count"]!);
        Assert.Equal("7", string.Concat(outputs[2]!["data"]!["text/plain"]!.AsArray().Select(x => x!.ToString())));
        var error = cells[2]!["outputs"]![0]!.AsObject();
        Assert.Equal("error", error["output_type"]!.ToString());
        Assert.Equal("Exception", error["ename"]!.ToString());
        Assert.IsType<JsonArray>(error["traceback"]);
        Assert.Null(cells[3]!["execution_count"]);
        Assert.Empty(cells[3]!["outputs"]!.AsArray());
        // And it reads back as a notebook.
        Assert.Equal(4, Notebook.Parse(nb.ToJsonString(), "executed.ipynb").Cells.Count);
    }

    [Fact]
    public async Task Nbformat_4_4_notebooks_without_cell_ids_run_and_stay_4_4()
    {
        var source = TestNotebook.Json(TestNotebook.Markdown("# Old"), TestNotebook.Code("var v = 20;"), TestNotebook.Code("v + 1"));
        source["nbformat_minor"] = 4;
        foreach (var cell in source["cells"]!.AsArray()) cell!.AsObject().Remove("id");
        source["cells"]![1]!["source"] = new JsonArray("var v = ", "20;");
        var result = await new NotebookRunner().RunAsync(TestNotebook.Write(source));
        Assert.True(result.Succeeded, NotebookFiles.Describe(result));
        Assert.Equal("21", result.Cells[2].Outputs.Single().PlainText);
        var executed = JsonNode.Parse(NotebookWriter.ToJson(result))!;
        Assert.Equal(4, (int)executed["nbformat_minor"]!);
        Assert.All(executed["cells"]!.AsArray(), c => Assert.Null(c!["id"]));
    }

    [Fact]
    public async Task Cell_progress_reports_each_csharp_cell_with_its_position()
    {
        var seen = new List<(int Cell, int Index, int Count)>();
        var runner = new NotebookRunner(new RunnerOptions { CellStarting = (cell, i, n) => seen.Add((cell.Number, i, n)) });
        await runner.RunAsync(TestNotebook.Write(TestNotebook.Json(
            TestNotebook.Markdown("# T"), TestNotebook.Code("1"), TestNotebook.Code("x", kernel: "fsharp"), TestNotebook.Code("2"))));
        Assert.Equal([(2, 1, 2), (4, 2, 2)], seen);
    }
}
