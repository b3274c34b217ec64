using System.Text.Json.Nodes;
using EvSupplyChain.Notebooks;

namespace EvSupplyChain.Tests.Notebooks;

/// <summary>The runner on the .NET Interactive C# kernel, one kernel process per notebook.</summary>
[Collection(NotebookExecution.Name)]
public class NotebookRunnerTests
{
    private static async Task<NotebookResult> Run(params JsonObject[] cells) =>
        await new NotebookRunner().RunAsync(TestNotebook.Write(TestNotebook.Json(cells)));

    private static async Task<NotebookResult> RunWithTimeout(double seconds, params JsonObject[] cells) =>
        await new NotebookRunner(new RunnerOptions { CellTimeout = TimeSpan.FromSeconds(seconds) }).RunAsync(TestNotebook.Write(TestNotebook.Json(cells)));

    private static string[] Kinds(CellResult c) => c.Outputs.Select(o => o.Kind.ToString()).ToArray();

    private static string ModelsDll => Path.Combine(AppContext.BaseDirectory, "EvSupplyChain.Models.dll");

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
        foreach (var dll in new[] { "EvSupplyChain.Models.dll", "CsvHelper.dll", "MathNet.Numerics.dll", "Microsoft.Data.Analysis.dll", "Microsoft.ML.DataView.dll", "Apache.Arrow.dll" })
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
    public async Task Only_a_trailing_expression_with_a_value_is_shown(string code, int outputs)
    {
        var result = await Run(TestNotebook.Code(code));
        Assert.True(result.Succeeded, NotebookFiles.Describe(result));
        Assert.Equal(outputs, result.Cells[0].Outputs.Count);
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

    [Theory]
    [InlineData("await Task.Delay(20000);")]
    [InlineData("while (true) { }")]
    [InlineData("while (true) System.Threading.Thread.Sleep(10);")]
    public async Task A_cell_that_runs_too_long_is_stopped_at_the_timeout(string code)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await RunWithTimeout(5, TestNotebook.Code("var before = 1;"), TestNotebook.Code(code), TestNotebook.Code("1"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"took {watch.Elapsed}");
        Assert.Equal(2, result.Failure!.CellNumber);
        Assert.Contains("did not finish within 5 s", result.Failure.Message);
        Assert.Equal([CellStatus.Ran, CellStatus.Failed, CellStatus.NotRun], result.Cells.Select(c => c.Status));
    }

    [Theory]
    [InlineData("new System.Threading.Thread(() => throw new InvalidOperationException(\"from a thread\")).Start();\nSystem.Threading.Thread.Sleep(5000);", "InvalidOperationException: from a thread")]
    [InlineData("int Down(int n) => Down(n + 1) + 1;\nDown(0)", "Stack overflow")]
    [InlineData("Environment.Exit(3);", "exit code 3")]
    public async Task A_crashing_kernel_fails_its_notebook_only(string code, string reason)
    {
        var result = await Run(TestNotebook.Code("var before = 1;"), TestNotebook.Code(code), TestNotebook.Code("2"));
        Assert.Equal(2, result.Failure!.CellNumber);
        Assert.Contains("kernel process ended", result.Failure.Message);
        Assert.Contains(reason, result.Failure.Message);
        Assert.Equal(CellStatus.NotRun, result.Cells[2].Status);
        var after = await Run(TestNotebook.Code("1 + 1"));
        Assert.True(after.Succeeded, NotebookFiles.Describe(after));
    }

    [Fact]
    public async Task Time_magic_reports_the_wall_time()
    {
        var result = await Run(TestNotebook.Code("#!time\nSystem.Threading.Thread.Sleep(50);\n1 + 2"));
        Assert.True(result.Succeeded, NotebookFiles.Describe(result));
        Assert.Contains(result.Cells[0].Outputs, o => o.PlainText == "3");
        Assert.Contains(result.Cells[0].Outputs, o => o.PlainText.StartsWith("Wall time: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nuget_reference_restores_the_package_and_its_dataframe_formatter()
    {
        var result = await RunWithTimeout(300,
            TestNotebook.Code("#r \"nuget: Microsoft.Data.Analysis, 0.24.0\""),
            TestNotebook.Code("using Microsoft.Data.Analysis;\nnew DataFrame(new DoubleDataFrameColumn(\"Mass (kg)\", new[] { 1.5, 2.5 }))"));
        Assert.True(result.Succeeded, NotebookFiles.Describe(result));
        var html = result.Cells[1].Outputs.Single().Data["text/html"];
        Assert.Contains("<table", html);
        Assert.Contains("Mass (kg)", html);
        Assert.Contains("2.5", html);
    }

    [Fact]
    public async Task A_dataframe_from_a_referenced_library_shows_as_a_table()
    {
        // Microsoft.Data.Analysis loaded by path (its dependencies next to it), not through NuGet: the host registers the formatter.
        var analysis = Path.Combine(AppContext.BaseDirectory, "Microsoft.Data.Analysis.dll");
        var result = await Run(TestNotebook.Code($"#r \"{analysis}\"\nusing Microsoft.Data.Analysis;\nnew DataFrame(new DoubleDataFrameColumn(\"Gap (t/yr)\", new[] {{ 3.25 }}))"));
        Assert.True(result.Succeeded, NotebookFiles.Describe(result));
        var html = result.Cells[0].Outputs.Single().Data["text/html"];
        Assert.Contains("<table", html);
        Assert.Contains("Gap (t/yr)", html);
        Assert.DoesNotContain("<details", html); // the kernel's default object tree view
    }

    [Fact]
    public async Task Library_types_render_through_the_formatter_source_convention()
    {
        var result = await Run(TestNotebook.Code(
            "#r \"" + ModelsDll + "\"\nusing EvSupplyChain.Models.Display;\n" +
            "display(Table.From(new[] { 1.0 }));\nFigures.Lines(\"t\", new[] { 1.0, 2.0 }, new[] { new Series(\"s\", new[] { 3.0, 4.0 }) })"));
        Assert.True(result.Succeeded, NotebookFiles.Describe(result));
        var table = result.Cells[0].Outputs[0].Data;
        Assert.Contains("<table class=\"evsc-table\">", table["text/html"]);
        Assert.Contains("Value", table["text/plain"]);
        var fig = result.Cells[0].Outputs[1].Data;
        Assert.Equal(["application/vnd.plotly.v1+json", "text/html", "text/plain"], fig.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("scatter", JsonNode.Parse(fig["application/vnd.plotly.v1+json"])!["data"]![0]!["type"]!.ToString());
    }

    [Fact]
    public async Task Executed_notebook_is_valid_nbformat_with_outputs()
    {
        var source = TestNotebook.Json(
            TestNotebook.Markdown("# T"),
            TestNotebook.Code("#r \"" + ModelsDll + "\"\nusing EvSupplyChain.Models.Display;\nConsole.WriteLine(\"a\");\ndisplay(new Figure(\"f\"));\n7"),
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
    public async Task Nbformat_4_4_notebooks_without_cell_ids_run_and_are_written_as_4_5_with_ids()
    {
        var source = TestNotebook.Json(TestNotebook.Markdown("# Old"), TestNotebook.Code("var v = 20;"), TestNotebook.Code("v + 1"));
        source["nbformat_minor"] = 4;
        foreach (var cell in source["cells"]!.AsArray()) cell!.AsObject().Remove("id");
        source["cells"]![1]!["source"] = new JsonArray("var v = ", "20;");
        var result = await new NotebookRunner().RunAsync(TestNotebook.Write(source));
        Assert.True(result.Succeeded, NotebookFiles.Describe(result));
        Assert.Equal("21", result.Cells[2].Outputs.Single().PlainText);
        var executed = JsonNode.Parse(NotebookWriter.ToJson(result))!;
        Assert.Equal(5, (int)executed["nbformat_minor"]!);
        Assert.Equal(["cell-1", "cell-2", "cell-3"], executed["cells"]!.AsArray().Select(c => c!["id"]!.ToString()));
    }

    [Fact]
    public async Task A_dib_notebook_runs_like_an_ipynb()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("evsc-dib-").FullName, "x.dib");
        File.WriteAllText(path, "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"aliases\":[],\"name\":\"csharp\"}]}}\n\n#!markdown\n\n# From a dib\n\n#!csharp\n\nvar k = 6;\n\n#!csharp\n\nk * 7\n");
        var result = await new NotebookRunner().RunAsync(path);
        Assert.True(result.Succeeded, NotebookFiles.Describe(result));
        Assert.Equal("From a dib", result.Notebook.Title);
        Assert.Equal("42", result.Cells[^1].Outputs.Single().PlainText);
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
