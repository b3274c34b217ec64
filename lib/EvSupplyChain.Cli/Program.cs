using System.CommandLine;
using EvSupplyChain.Cli.Commands;

namespace EvSupplyChain.Cli;

/// <summary>Entry point of the <c>evsc</c> command.</summary>
public static class Program
{
    /// <summary>All subcommands; each analysis adds one.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("evsc: render the EvSupplyChain notebooks and run each analysis from the command line.");
        root.Subcommands.Add(RenderCommand.Create());
        return root;
    }

    /// <summary>Runs the command line and returns the exit code.</summary>
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();
}
