using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace EvSupplyChain.Notebooks;

/// <summary>Settings of a notebook run.</summary>
public sealed record RunnerOptions
{
    /// <summary>Longest a single cell may run; it then fails the notebook.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Namespaces every cell imports (what the Polyglot C# kernel imports).</summary>
    public IReadOnlyList<string> Imports { get; init; } =
        ["System", "System.Collections", "System.Collections.Generic", "System.IO", "System.Linq", "System.Text", "System.Threading.Tasks"];

    /// <summary>Called before each C# cell runs with the cell, its 1-based position among the notebook's C# cells and
    /// their count (for progress displays).</summary>
    public Action<NotebookCell, int, int>? CellStarting { get; init; }
}

/// <summary>
/// Runs the C# cells of a notebook in order in one Roslyn script state, the way the Polyglot C# kernel does:
/// <c>#r</c> resolves against the notebook's folder, <c>display(x)</c>/<c>HTML(s)</c> are globals, a trailing
/// expression becomes the cell's result, console output is captured, and the first failing cell stops the run.
/// </summary>
public sealed class NotebookRunner(RunnerOptions? options = null)
{
    private readonly RunnerOptions _options = options ?? new RunnerOptions();

    /// <summary>Reads and runs a notebook file.</summary>
    public Task<NotebookResult> RunAsync(string path, CancellationToken cancellationToken = default) =>
        RunAsync(Notebook.Load(path), cancellationToken);

    /// <summary>Runs a notebook; never throws for cell errors (they are in the result).</summary>
    public async Task<NotebookResult> RunAsync(Notebook notebook, CancellationToken cancellationToken = default)
    {
        ConsoleCapture.Install();
        var total = Stopwatch.StartNew();
        var scriptOptions = ScriptOptions.Default
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(notebook.Directory))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(notebook.Directory))
            .WithReferences(FrameworkReferences.Value)
            .WithImports(_options.Imports)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithLanguageVersion(LanguageVersion.Latest);
        OutputCollector? collector = null;
        var globals = new ScriptGlobals((value, mimes) => collector?.Add(new CellOutput(OutputKind.Display, ValueFormatter.Format(value, mimes))));
        ScriptState<object?>? state = null;
        var results = new List<CellResult>(notebook.Cells.Count);
        var count = 0;
        var failed = false;
        var csharpCells = notebook.Cells.Count(c => c.IsCSharp);
        foreach (var cell in notebook.Cells)
        {
            if (cell.Kind != CellKind.Code) { results.Add(new CellResult(cell, CellStatus.Text, null, [], TimeSpan.Zero)); continue; }
            if (!cell.IsCSharp) { results.Add(new CellResult(cell, CellStatus.OtherKernel, null, [], TimeSpan.Zero)); continue; }
            if (failed) { results.Add(new CellResult(cell, CellStatus.NotRun, null, [], TimeSpan.Zero)); continue; }
            count++;
            _options.CellStarting?.Invoke(cell, count, csharpCells);
            collector = new OutputCollector();
            var watch = Stopwatch.StartNew();
            CellFailure? failure;
            ConsoleCapture.Route(collector);
            try
            {
                (state, failure) = await RunCellAsync(cell, state, scriptOptions.WithFilePath(CellPath(notebook, cell)), globals, collector, count, cancellationToken);
            }
            finally
            {
                ConsoleCapture.Route(null);
            }
            failed = failure is not null;
            results.Add(new CellResult(cell, failed ? CellStatus.Failed : CellStatus.Ran, count, collector.Complete(), watch.Elapsed, failure));
        }
        return new NotebookResult(notebook, results, total.Elapsed);
    }

    /// <summary>Every assembly of the shared framework, read once per process (the default set depends on the host).</summary>
    private static readonly Lazy<MetadataReference[]> FrameworkReferences = new(() =>
    {
        var dir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.GetFiles(dir, "*.dll")
            .Where(f => Path.GetFileName(f) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "mscorlib.dll" or "netstandard.dll" or "Microsoft.CSharp.dll" or "Microsoft.Win32.Primitives.dll"))
            .Where(f => !f.EndsWith(".Native.dll", StringComparison.Ordinal) && IsManaged(f))
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
            .ToArray();
    });

    private static bool IsManaged(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            return pe.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    /// <summary>The file name a cell compiles under (shows in stack traces); rooted in the notebook folder.</summary>
    private static string CellPath(Notebook nb, NotebookCell cell) => Path.Combine(nb.Directory, $"{nb.Name}.ipynb#cell{cell.Number}");

    private async Task<(ScriptState<object?>? State, CellFailure? Failure)> RunCellAsync(NotebookCell cell, ScriptState<object?>? state,
        ScriptOptions options, ScriptGlobals globals, OutputCollector output, int count, CancellationToken ct)
    {
        var code = Directives.Prepare(cell.Source, output);
        var script = state is null
            ? CSharpScript.Create<object?>(code, options, typeof(ScriptGlobals))
            : state.Script.ContinueWith<object?>(code, options);
        var errors = script.Compile(ct).Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            var first = errors[0];
            var line = first.Location.IsInSource ? first.Location.GetLineSpan().StartLinePosition.Line + 1 : (int?)null;
            var message = Directives.Explain(first);
            output.Add(CellOutput.Error("CompilationError", string.Join("\n", errors.Select(Describe))));
            return (state, new CellFailure(cell.Number, line, message));
        }
        ScriptState<object?> next;
        try
        {
            var run = state is null ? script.RunAsync(globals, _ => true, ct) : script.RunFromAsync(state, _ => true, ct);
            next = await run.WaitAsync(_options.CellTimeout, ct);
        }
        catch (TimeoutException)
        {
            var msg = $"did not finish within {_options.CellTimeout.TotalSeconds:0.#} s";
            output.Add(CellOutput.Error("Timeout", msg));
            return (state, new CellFailure(cell.Number, null, msg));
        }
        if (next.Exception is { } ex)
        {
            var line = LineOf(ex, options.FilePath);
            output.Add(CellOutput.Error(ex.GetType().Name, $"{ex.GetType().FullName}: {ex.Message}" + (line is { } l ? $" (line {l})" : "")));
            return (next, new CellFailure(cell.Number, line, $"{ex.GetType().Name}: {ex.Message}"));
        }
        if (HasTrailingValue(script) && next.ReturnValue is not DisplayedValue)
            output.Add(new CellOutput(OutputKind.Result, ValueFormatter.Format(next.ReturnValue)));
        return (next, null);
    }

    private static string Describe(Diagnostic d)
    {
        var pos = d.Location.IsInSource ? d.Location.GetLineSpan().StartLinePosition : default;
        return d.Location.IsInSource ? $"({pos.Line + 1},{pos.Character + 1}): error {d.Id}: {Directives.Explain(d)}" : $"error {d.Id}: {Directives.Explain(d)}";
    }

    /// <summary>True when the cell ends in an expression without a semicolon whose type is not void.</summary>
    private static bool HasTrailingValue(Script script)
    {
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Last();
        var last = tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().LastOrDefault();
        if (last?.Statement is not ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement) return false;
        if (last != tree.GetCompilationUnitRoot().Members.Last()) return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is null || type.SpecialType != SpecialType.System_Void;
    }

    /// <summary>The cell line of the innermost stack frame that belongs to the cell.</summary>
    private static int? LineOf(Exception ex, string cellPath)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            var frame = new StackTrace(e, true).GetFrames().FirstOrDefault(f => f.GetFileName() == cellPath && f.GetFileLineNumber() > 0);
            if (frame is not null) return frame.GetFileLineNumber();
        }
        return null;
    }
}
