using System.Diagnostics;

namespace EvSupplyChain.Notebooks;

/// <summary>Settings of a notebook run.</summary>
public sealed record RunnerOptions
{
    /// <summary>Longest a single cell may run; the kernel process is then stopped and the notebook fails.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest the kernel process may take to start.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Parameter values to inject after the <c>parameters</c> cell (<c>--set name=value</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Called before each C# cell runs with the cell, its 1-based position among the notebook's C# cells and
    /// their count (for progress displays).</summary>
    public Action<NotebookCell, int, int>? CellStarting { get; init; }
}

/// <summary>
/// Runs a notebook's C# cells in order on the .NET Interactive C# kernel, hosted in a process of its own whose working
/// directory is the notebook's folder (as Jupyter runs one kernel per notebook). The first failing cell stops the run;
/// later cells are marked not run.
/// </summary>
public sealed class NotebookRunner(RunnerOptions? options = null)
{
    private readonly RunnerOptions _options = options ?? new RunnerOptions();

    /// <summary>Reads and runs a notebook file.</summary>
    public Task<NotebookResult> RunAsync(string path, CancellationToken cancellationToken = default) =>
        RunAsync(Notebook.Load(path), cancellationToken);

    /// <summary>Runs a notebook; never throws for cell errors (they are in the result).</summary>
    /// <exception cref="ParameterException">A <c>--set</c> value the notebook does not declare or that does not fit.</exception>
    public async Task<NotebookResult> RunAsync(Notebook notebook, CancellationToken cancellationToken = default)
    {
        notebook = Parameters.Inject(notebook, _options.Parameters);
        var total = Stopwatch.StartNew();
        var csharpCells = notebook.Cells.Count(c => c.IsCSharp);
        var results = new List<CellResult>(notebook.Cells.Count);
        KernelProcess? kernel = null;
        try
        {
            if (csharpCells > 0) kernel = KernelProcess.Start(notebook.Directory);
            string? dead = kernel is null ? null : await kernel.WaitReadyAsync(_options.StartTimeout, cancellationToken);
            var failed = false;
            var count = 0;
            foreach (var cell in notebook.Cells)
            {
                if (cell.Kind != CellKind.Code) { results.Add(new CellResult(cell, CellStatus.Text, null, [], TimeSpan.Zero)); continue; }
                if (!cell.IsCSharp) { results.Add(new CellResult(cell, CellStatus.OtherKernel, null, [], TimeSpan.Zero)); continue; }
                if (failed) { results.Add(new CellResult(cell, CellStatus.NotRun, null, [], TimeSpan.Zero)); continue; }
                count++;
                _options.CellStarting?.Invoke(cell, count, csharpCells);
                var watch = Stopwatch.StartNew();
                if (dead is not null)
                {
                    failed = true;
                    results.Add(new CellResult(cell, CellStatus.Failed, count, [CellOutput.Error("KernelExited", dead)], watch.Elapsed, new CellFailure(cell.Number, null, dead)));
                    continue;
                }
                var file = Path.Combine(notebook.Directory, $"{notebook.Name}.ipynb#cell{cell.Number}");
                var run = await kernel!.RunAsync(cell.Number, cell.Source, file, _options.CellTimeout, cancellationToken);
                if (run.Failure is not { } f)
                {
                    results.Add(new CellResult(cell, CellStatus.Ran, count, run.Outputs, watch.Elapsed));
                    continue;
                }
                failed = true;
                var message = Explain(f.Message);
                var outputs = run.Outputs.Append(CellOutput.Error(run.ErrorName, message, run.Traceback)).ToArray();
                results.Add(new CellResult(cell, CellStatus.Failed, count, outputs, watch.Elapsed, new CellFailure(cell.Number, f.Line, message)));
            }
        }
        finally
        {
            kernel?.Dispose();
        }
        return new NotebookResult(notebook, results, total.Elapsed) { Parameters = _options.Parameters };
    }

    /// <summary>Adds what to do when a <c>#r</c> names a DLL that is not there: the library is not built yet.</summary>
    private static string Explain(string message) =>
        message.Contains("CS0006", StringComparison.Ordinal) && message.Contains("artifacts", StringComparison.Ordinal)
            ? message + " Run `dotnet build` first: it fills artifacts/notebook/ with the library and its dependencies."
            : message;
}
