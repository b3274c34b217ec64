using EvSupplyChain.Models.Data;
using EvSupplyChain.Notebooks;

namespace EvSupplyChain.Tests.Notebooks;

/// <summary>
/// Every row of <c>TestData/parameter-sets.csv</c> (columns notebook, set, assignments, must_contain, must_not_contain;
/// assignments like <c>focal="Indonesia";year=2030</c>) renders its notebook with those parameters injected: no error
/// output, <c>must_contain</c> appears in the outputs and <c>must_not_contain</c> (a label left from the defaults) does not.
/// </summary>
[Collection(NotebookExecution.Name)]
public class ParameterSetTests
{
    private static string File => Path.Combine(AppContext.BaseDirectory, "Notebooks", "TestData", "parameter-sets.csv");

    /// <summary>One entry per row: "notebook/set".</summary>
    public static TheoryData<string> Sets()
    {
        var data = new TheoryData<string>();
        foreach (var row in Load()) data.Add(row.Text("notebook") + "/" + row.Text("set"));
        if (data.Count == 0) data.Add("(no rows yet)");
        return data;
    }

    private static IReadOnlyList<CsvRow> Load() => CsvData.Load(File, "notebook", "set", "assignments", "must_contain", "must_not_contain").Rows;

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task Notebook_renders_with_the_parameter_set(string key)
    {
        if (key == "(no rows yet)") return;
        var row = Load().Single(r => r.Text("notebook") + "/" + r.Text("set") == key);
        var notebook = NotebookRenderer.Resolve(row.Text("notebook"), NotebookRenderer.NotebooksIn(NotebookFiles.Folder));
        var parameters = Parameters.ParseAssignments(row.Text("assignments").Split(';'));
        var result = await new NotebookRunner(new RunnerOptions { Parameters = parameters }).RunAsync(notebook);
        Assert.True(result.Succeeded, NotebookFiles.Describe(result));
        var outputs = result.Cells.SelectMany(c => c.Outputs).ToArray();
        Assert.DoesNotContain(outputs, o => o.Kind == OutputKind.Error);
        var text = string.Join("\n", outputs.SelectMany(o => o.Data.Values.Append(o.Text)));
        if (!row.IsEmpty("must_contain")) Assert.True(text.Contains(row.Text("must_contain"), StringComparison.Ordinal), $"{key}: outputs lack '{row.Text("must_contain")}'");
        if (!row.IsEmpty("must_not_contain")) Assert.False(text.Contains(row.Text("must_not_contain"), StringComparison.Ordinal), $"{key}: outputs still show '{row.Text("must_not_contain")}'");
    }

    [Fact]
    public void Every_row_names_a_notebook_and_parameters_it_declares()
    {
        foreach (var row in Load())
        {
            var path = NotebookRenderer.Resolve(row.Text("notebook"), NotebookRenderer.NotebooksIn(NotebookFiles.Folder));
            Parameters.Inject(Notebook.Load(path), Parameters.ParseAssignments(row.Text("assignments").Split(';')));
        }
    }

    [Fact]
    public void Parameters_parse_declarations_and_write_literals_of_the_declared_type()
    {
        var declared = Parameters.Parse("var year = 2035;\nvar focal = \"China\";\nvar rate = 0.30;\ndouble share = 1;\nvar focalSet = new[] { \"Li\", \"Co\" };\nvar on = true;");
        Assert.Equal(["year:var int", "focal:var string", "rate:var double", "share:double", "focalSet:var string[]", "on:var bool"], declared.Select(d => $"{d.Name}:{d.Type}"));
        var nb = Notebook.Parse(TestNotebook.Json(TestNotebook.Tagged(TestNotebook.Code("var year = 2035;\nvar rate = 0.30;\ndouble share = 1;\nvar focalSet = new[] { \"Li\" };"), "parameters"), TestNotebook.Code("1")).ToJsonString(), "/tmp/p.ipynb");
        var injected = Parameters.Inject(nb, Parameters.ParseAssignments(["rate=1", "share=0.5", "year=2030", "focalSet=Ni,Mn"]));
        Assert.Equal(3, injected.Cells.Count);
        Assert.Equal(["injected-parameters"], injected.Cells[1].Tags);
        Assert.Equal("var rate = 1.0;\nvar share = 0.5;\nvar year = 2030;\nvar focalSet = new[] { \"Ni\", \"Mn\" };".Replace("var share", "double share"), injected.Cells[1].Source);
        var unknown = Assert.Throws<ParameterException>(() => Parameters.Inject(nb, Parameters.ParseAssignments(["yaer=2030"])));
        Assert.Contains("its parameters are: year, rate, share, focalSet", unknown.Message);
        Assert.Throws<ParameterException>(() => Parameters.Inject(nb, Parameters.ParseAssignments(["rate=high"])));
    }
}
