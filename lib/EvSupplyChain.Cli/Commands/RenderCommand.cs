using System.CommandLine;

namespace EvSupplyChain.Cli.Commands;

/// <summary><c>evsc render</c>: executes notebooks and writes executed copies and HTML reports.</summary>
public static class RenderCommand
{
    /// <summary>Builds the subcommand.</summary>
    public static Command Create()
    {
        var notebooks = new Argument<string[]>("notebooks") { Description = "Notebooks to render (default: every notebooks/*.ipynb).", Arity = ArgumentArity.ZeroOrMore };
        var cmd = new Command("render", "Execute notebooks and write executed .ipynb files, HTML reports and reports/index.html.");
        cmd.Arguments.Add(notebooks);
        cmd.SetAction(pr => { Console.Error.WriteLine("render: not implemented yet"); return 1; });
        return cmd;
    }
}
