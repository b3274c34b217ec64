using System.CommandLine;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Cli.Commands;

/// <summary>Options and output helpers shared by the analysis subcommands.</summary>
public static class CliOutput
{
    /// <summary>--format table|csv.</summary>
    public static Option<string> FormatOption()
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format: table (aligned text) or csv (full precision).",
            DefaultValueFactory = _ => "table",
        };
        option.AcceptOnlyFromAmong("table", "csv");
        return option;
    }

    /// <summary>--data DIR.</summary>
    public static Option<string?> DataOption() => new("--data")
    {
        Description = "Folder with your own inputs, laid out like the project's data/ folder (default: EVSC_DATA or the nearest data/).",
    };

    /// <summary>Writes a table as text or CSV.</summary>
    public static void Write(TextWriter output, Table table, string format) =>
        output.Write(format == "csv" ? table.ToCsv() : table.ToText());

    /// <summary>Runs an analysis action, turning invalid input into a one-line error and exit code 2.</summary>
    public static int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is DataValidationException or ArgumentException or DirectoryNotFoundException or FileNotFoundException or InvalidOperationException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
