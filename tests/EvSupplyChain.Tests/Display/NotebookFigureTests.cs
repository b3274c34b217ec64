using System.Text.Json.Nodes;
using EvSupplyChain.Models.Display;
using EvSupplyChain.Tests.Notebooks;

namespace EvSupplyChain.Tests.Display;

/// <summary>Every figure every notebook shows has a title on every axis it draws on (issue #14: axis titles with units
/// on every axis).</summary>
[Collection(NotebookExecution.Name)]
public class NotebookFigureTests
{
    /// <summary>
    /// Notebooks that still show a figure with an untitled axis, with the figures. Their problems are not failures;
    /// remove an entry as soon as its owner titles the axes.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> KnownUntitledAxes = new Dictionary<string, string>
    {
    };

    [Theory]
    [MemberData(nameof(NotebookFiles.Names), MemberType = typeof(NotebookFiles))]
    public async Task Every_axis_of_every_figure_has_a_title(string notebook)
    {
        var rendered = await NotebookFiles.RenderAsync(notebook);
        var problems = rendered.Result.Cells.SelectMany(c => c.Outputs)
            .Select(o => o.Data.TryGetValue(Figure.PlotlyMimeType, out var json) ? JsonNode.Parse(json)!.AsObject() : null)
            .OfType<JsonObject>()
            .SelectMany(f => FigureStyle.Problems(f["layout"]!.AsObject(), f["data"]!.AsArray())
                .Select(p => $"'{f["layout"]!["title"]?["text"]}': {p}"))
            .ToArray();
        if (KnownUntitledAxes.ContainsKey(notebook)) return;
        Assert.True(problems.Length == 0, $"{notebook}: figures with an untitled axis:\n" + string.Join("\n", problems));
    }
}
