using System.CommandLine;
using System.Reflection;

namespace EvSupplyChain.Cli;

/// <summary>Entry point of the <c>evsc</c> command.</summary>
public static class Program
{
    /// <summary>All subcommands: every static class in <c>EvSupplyChain.Cli.Commands</c> whose name ends in
    /// <c>Command</c> and that has <c>public static Command Create()</c>. Analyses add a class, not a line here.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("evsc: render the EvSupplyChain notebooks and run each analysis from the command line.");
        var factories = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace == "EvSupplyChain.Cli.Commands" && t.IsClass && t.Name.EndsWith("Command", StringComparison.Ordinal))
            .Select(t => t.GetMethod("Create", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes))
            .Where(m => m is not null && m.ReturnType == typeof(Command));
        foreach (var command in factories.Select(m => (Command)m!.Invoke(null, null)!).OrderBy(c => c.Name, StringComparer.Ordinal))
            root.Subcommands.Add(command);
        return root;
    }

    /// <summary>Runs the command line and returns the exit code.</summary>
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();
}
