using System.CommandLine;
using System.Reflection;
using EvSupplyChain.Cli.Commands;

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
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>
    /// Parses and runs <paramref name="args"/> under the one rule of every subcommand: any bad input (an unknown or
    /// malformed option, a value out of range, invalid data) prints one line <c>error: …</c> and exits 2; nothing
    /// ever prints a stack trace. Exit 1 is left to a command's own failure (e.g. a notebook that failed to render).
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var parsed = BuildRoot().Parse(args.Length == 0 ? ["--help"] : args);
            if (parsed.Errors.Count > 0)
            {
                // Every parse error on one line; "Required command was not provided" last, as the least specific.
                var messages = parsed.Errors.Select(e => CliOutput.OneLine(e.Message)).Distinct().ToList();
                if (messages.Count > 1) messages.RemoveAll(m => m.StartsWith("Required command", StringComparison.Ordinal));
                var command = parsed.CommandResult.Command is RootCommand ? "evsc" : $"evsc {parsed.CommandResult.Command.Name}";
                stderr.WriteLine($"error: {string.Join(" ", messages)} (see {command} --help)");
                return 2;
            }
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            return CliOutput.Fail(e, stderr);
        }
    }
}
