namespace EvSupplyChain.Tests.Display;

/// <summary>
/// Deliberately unreadable figures, written as plain plotly.js calls that bypass the house style, for proving that
/// the browser layout check catches each defect of issue #14: (1) tick labels and a legend cut off at the figure's
/// edges (no automargin, margins that cannot grow), (2) crowded category labels that overlap (no rotation, narrow
/// figure), (3) Sankey node labels on top of each other.
/// </summary>
public static class BrokenFigures
{
    /// <summary>Three figure fragments; the page must already have plotly.js.</summary>
    public static string Html() => string.Concat(
        Figure("broken-cutoff", """
            [{"type":"bar","orientation":"h","name":"A legend entry far outside the figure","y":["Congo, Democratic Republic of the","China"],"x":[3,5]}],
            {"title":{"text":"Cut-off labels"},"margin":{"l":5,"r":5,"t":40,"b":30,"autoexpand":false},"yaxis":{"automargin":false},
             "showlegend":true,"legend":{"x":1.05,"xanchor":"left"},"width":600,"height":300,"autosize":false}
            """),
        Figure("broken-crowded", """
            [{"type":"bar","x":["Raw manganese ore","Refined manganese sulfate","Raw cobalt concentrate","Refined cobalt sulfate","Raw lithium spodumene","Refined lithium hydroxide"],"y":[1,2,3,4,5,6]}],
            {"title":{"text":"Crowded ticks"},"xaxis":{"tickangle":0,"type":"category"},"width":400,"height":300,"autosize":false}
            """),
        Figure("broken-sankey", """
            [{"type":"sankey","arrangement":"fixed","node":{"label":["Democratic Republic of the Congo mine","Democratic Republic of the Congo refinery","Zambia","China"],
              "x":[0.01,0.01,0.01,0.99],"y":[0.3,0.32,0.34,0.5],"pad":0,"thickness":10},
              "link":{"source":[0,1,2],"target":[3,3,3],"value":[1,1,1]}}],
            {"title":{"text":"Overlapping Sankey labels"},"width":600,"height":300,"autosize":false}
            """));

    private static string Figure(string id, string dataAndLayout) =>
        $"<div id=\"{id}\" class=\"evsc-figure\"></div><script>Plotly.newPlot('{id}', {dataAndLayout});</script>";
}
