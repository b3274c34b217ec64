using EvSupplyChain.Notebooks;

namespace EvSupplyChain.Tests.Notebooks;

/// <summary>Executes every notebook under notebooks/ and fails on any error.</summary>
[Collection(NotebookExecution.Name)]
public class AllNotebooksTests
{
    [Theory]
    [MemberData(nameof(NotebookFiles.Names), MemberType = typeof(NotebookFiles))]
    public async Task Notebook_runs_without_error(string notebook)
    {
        var rendered = await NotebookFiles.RenderAsync(notebook);
        Assert.True(rendered.Result.Succeeded, NotebookFiles.Describe(rendered.Result));
        Assert.Contains(rendered.Result.Cells, c => c.Status == CellStatus.Ran);
        Assert.DoesNotContain(rendered.Result.Cells, c => c.Status is CellStatus.OtherKernel or CellStatus.NotRun);
    }

    [Fact]
    public void Every_notebook_is_found()
    {
        Assert.Contains("00-getting-started.ipynb", NotebookFiles.Files());
    }
}

/// <summary>Tests that execute notebooks run one at a time (the machine has two cores).</summary>
[CollectionDefinition(Name)]
public sealed class NotebookExecution
{
    /// <summary>Collection name.</summary>
    public const string Name = "Notebook execution";
}
