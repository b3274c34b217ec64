using System.Diagnostics;
using System.Text.Json.Nodes;

namespace EvSupplyChain.Tests.Notebooks;

/// <summary>A theory that runs under <c>CI=true</c> (where .ci/run installs the tools) and skips elsewhere with the reason.</summary>
public sealed class StockKernelTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> outside CI.</summary>
    public StockKernelTheoryAttribute() => Skip = JupyterStockKernelTests.SkipReason;
}

/// <summary>
/// Every notebook executes without an error output in the stock Jupyter .NET kernel (the dotnet-interactive tool that
/// Jupyter and VS Code users run), not only on <c>evsc render</c>'s kernel host: <c>jupyter nbconvert --to notebook
/// --execute</c>. Required under <c>CI=true</c>; skipped with the reason elsewhere (it takes minutes).
/// </summary>
[Collection(NotebookExecution.Name)]
public class JupyterStockKernelTests
{
    /// <summary>Why the test skips: null under CI=true (missing tools then fail the test).</summary>
    public static string? SkipReason =>
        Environment.GetEnvironmentVariable("CI") == "true" ? null
            : "stock-kernel test: runs only with CI=true (.ci/run installs dotnet-interactive 1.0.712001 and jupyter nbconvert); set CI=true to run it here";

    [StockKernelTheory]
    [MemberData(nameof(NotebookFiles.Names), MemberType = typeof(NotebookFiles))]
    public void Notebook_runs_in_the_stock_jupyter_kernel_without_an_error_output(string notebook)
    {
        var output = Directory.CreateTempSubdirectory("evsc-nbconvert-").FullName;
        var (folder, file) = Input(notebook);
        var psi = new ProcessStartInfo("jupyter")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=.net-csharp",
                     "--ExecutePreprocessor.timeout=600", "--output-dir", output, "--output", notebook, file })
            psi.ArgumentList.Add(a);
        // The kernelspec starts `dotnet interactive`, a global tool.
        var tools = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools");
        psi.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") + Path.PathSeparator + tools;
        Process process;
        try
        {
            process = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("CI=true but `jupyter` cannot be started (.ci/run installs jupyter-nbconvert): " + e.Message, e);
        }
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(15)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{notebook}: nbconvert did not finish in 15 minutes");
        }
        var log = stdout.Result + stderr.Result;
        if (folder != NotebookFiles.Folder) File.Delete(Path.Combine(folder, file));
        Assert.True(process.ExitCode == 0, $"{notebook}: jupyter nbconvert --execute exited {process.ExitCode}:\n{Tail(log)}");
        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(output, notebook)))!;
        var errors = executed["cells"]!.AsArray()
            .Select((c, i) => (Number: i + 1, Outputs: c!["outputs"] as JsonArray ?? []))
            .SelectMany(c => c.Outputs.Where(o => o?["output_type"]?.ToString() == "error")
                .Select(o => $"cell {c.Number}: {o!["ename"]}: {o["evalue"]}"))
            .ToArray();
        Assert.True(errors.Length == 0, $"{notebook}: error outputs in the stock kernel:\n" + string.Join("\n", errors));
    }

    /// <summary>The notebook to execute: itself, or for a notebook still on <see cref="NotebookLintTests.MissingSystemIoUsing"/>
    /// a copy (in a folder beside notebooks/, so its relative paths hold) whose first cell is <c>using System.IO;</c> —
    /// the one difference the lint test reports, so that this test checks everything else.</summary>
    private static (string Folder, string File) Input(string notebook)
    {
        if (!NotebookLintTests.MissingSystemIoUsing.Contains(notebook)) return (NotebookFiles.Folder, notebook);
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(NotebookFiles.Folder, notebook)))!;
        var cells = root["cells"]!.AsArray();
        var first = cells.First(c => c?["cell_type"]?.ToString() == "code")!.DeepClone();
        first["id"] = "stock-kernel-system-io";
        first["source"] = "using System.IO;";
        first["metadata"]!.AsObject().Remove("tags");
        cells.Insert(0, first);
        var folder = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(NotebookFiles.Folder)!, ".stock-kernel"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, notebook), root.ToJsonString());
        return (folder, notebook);
    }

    private static string Tail(string log) => string.Join("\n", log.Split('\n').TakeLast(30));
}
