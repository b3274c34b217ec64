using System.CommandLine;
using EvSupplyChain.Cli;
using EvSupplyChain.Cli.Commands;
using Spectre.Console;

namespace EvSupplyChain.Tests.Notebooks;

/// <summary><c>evsc render</c> progress output and <c>--help</c> on every command.</summary>
[Collection(NotebookExecution.Name)]
public class RenderCommandTests
{
    public static TheoryData<string> CommandPaths()
    {
        var data = new TheoryData<string> { "" };
        foreach (var c in Program.BuildRoot().Subcommands)
        {
            data.Add(c.Name);
            foreach (var sub in c.Subcommands) data.Add(c.Name + " " + sub.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void Every_command_has_help(string command)
    {
        foreach (var flag in new[] { "--help", "-h" })
        {
            var (o, e) = (new StringWriter(), new StringWriter());
            var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append(flag).ToArray();
            var code = Program.BuildRoot().Parse(args).Invoke(new InvocationConfiguration { Output = o, Error = e });
            Assert.Equal(0, code);
            Assert.Contains("Usage:", o.ToString());
            Assert.Contains("Options:", o.ToString());
            Assert.Equal("", e.ToString());
        }
    }

    [Fact]
    public void Every_subcommand_has_a_description()
    {
        foreach (var c in Program.BuildRoot().Subcommands)
            Assert.False(string.IsNullOrWhiteSpace(c.Description), $"evsc {c.Name} has no description for --help");
    }

    [Fact]
    public void Redirected_output_gets_one_progress_line_per_notebook()
    {
        var dir = Directory.CreateTempSubdirectory("evsc-progress-").FullName;
        var a = TestNotebook.Write(TestNotebook.Json(TestNotebook.Code("1"), TestNotebook.Code("2")), "01-a.ipynb", dir);
        var b = TestNotebook.Write(TestNotebook.Json(TestNotebook.Code("throw new Exception(\"stop\");")), "02-b.ipynb", dir);
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = RenderCommand.Run([a, b], Path.Combine(dir, "out"), null, 60, o, e);
        Assert.Equal(1, code);
        var lines = o.ToString().Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^\[1/2\] 01-a \.\.\. passed \(\d+\.\d s\)$", lines[0]);
        Assert.Matches(@"^\[2/2\] 02-b \.\.\. FAILED \(\d+\.\d s\)$", lines[1]);
        Assert.StartsWith("1 passed, 1 failed; reports in ", lines[2]);
        Assert.Equal("  02-b: cell 1, line 1: Exception: stop", e.ToString().Replace("\r", "").TrimEnd('\n'));
    }

    [Fact]
    public void A_terminal_gets_a_live_progress_row_per_notebook()
    {
        var dir = Directory.CreateTempSubdirectory("evsc-live-").FullName;
        var a = TestNotebook.Write(TestNotebook.Json(TestNotebook.Code("1"), TestNotebook.Code("2")), "01-first.ipynb", dir);
        var b = TestNotebook.Write(TestNotebook.Json(TestNotebook.Code("throw new Exception(\"[stop]\");")), "02-second.ipynb", dir);
        var (o, e, screen) = (new StringWriter(), new StringWriter(), new StringWriter());
        var live = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(screen), Ansi = AnsiSupport.Yes, Interactive = InteractionSupport.Yes, ColorSystem = ColorSystemSupport.NoColors,
        });
        var code = RenderCommand.Run([a, b], Path.Combine(dir, "out"), null, 60, o, e, live);
        Assert.Equal(1, code);
        var shown = screen.ToString();
        Assert.Contains("passed 01-first", shown);
        Assert.Contains("FAILED 02-second cell 1, line 1: Exception: [stop]", shown);
        Assert.StartsWith("1 passed, 1 failed; reports in ", o.ToString());
        Assert.Contains("02-second: cell 1, line 1: Exception: [stop]", e.ToString());
    }
}
