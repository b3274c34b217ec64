namespace EvSupplyChain.Notebooks;

/// <summary>The nbformat output types the runner writes.</summary>
public enum OutputKind
{
    /// <summary>Console text (<c>stream</c>, stdout or stderr).</summary>
    Stream,

    /// <summary>A value passed to <c>display(...)</c> (<c>display_data</c>).</summary>
    Display,

    /// <summary>The cell's trailing expression (<c>execute_result</c>).</summary>
    Result,

    /// <summary>A compile or run-time error (<c>error</c>).</summary>
    Error,
}

/// <summary>One output of an executed cell.</summary>
/// <param name="Kind">Output type.</param>
/// <param name="Data">Mime type → content, in preference order (display and result outputs).</param>
/// <param name="Text">Stream text, or the error message.</param>
/// <param name="StreamName">stdout or stderr for stream outputs; the exception type name for errors.</param>
/// <param name="Traceback">For errors, the detail lines (compiler diagnostics or the stack trace).</param>
public sealed record CellOutput(OutputKind Kind, IReadOnlyDictionary<string, string> Data, string Text = "", string StreamName = "", IReadOnlyList<string>? Traceback = null)
{
    /// <summary>A stream output.</summary>
    public static CellOutput Stream(string name, string text) => new(OutputKind.Stream, Empty, text, name);

    /// <summary>An error output: <paramref name="name"/> is the error kind, <paramref name="message"/> the text shown.</summary>
    public static CellOutput Error(string name, string message, IReadOnlyList<string>? traceback = null) =>
        new(OutputKind.Error, Empty, message, name, traceback is { Count: > 0 } ? traceback : [message]);

    /// <summary>The text/plain rendering, or the text of stream and error outputs.</summary>
    public string PlainText => Data.TryGetValue("text/plain", out var t) ? t : Text;

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}

/// <summary>Where and why a cell failed.</summary>
/// <param name="CellNumber">1-based cell number in the notebook.</param>
/// <param name="Line">1-based line in the cell, when known.</param>
/// <param name="Message">What went wrong.</param>
public sealed record CellFailure(int CellNumber, int? Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line is { } l ? $"cell {CellNumber}, line {l}: {Message}" : $"cell {CellNumber}: {Message}";
}

/// <summary>The result of one cell.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Status">What happened.</param>
/// <param name="ExecutionCount">The In [n] number for executed code cells.</param>
/// <param name="Outputs">Outputs in the order they were produced.</param>
/// <param name="Duration">Wall time of the cell (compile and run).</param>
/// <param name="Failure">Set when the cell failed.</param>
public sealed record CellResult(NotebookCell Cell, CellStatus Status, int? ExecutionCount, IReadOnlyList<CellOutput> Outputs, TimeSpan Duration, CellFailure? Failure = null);

/// <summary>What happened to a cell.</summary>
public enum CellStatus
{
    /// <summary>Markdown or raw: nothing to run.</summary>
    Text,

    /// <summary>Code that ran without error.</summary>
    Ran,

    /// <summary>Code that failed to compile, threw or timed out.</summary>
    Failed,

    /// <summary>Code for another kernel (F#, PowerShell…): left as is (the host runs only the C# kernel).</summary>
    OtherKernel,

    /// <summary>Code after a failed cell: not run.</summary>
    NotRun,
}

/// <summary>The result of a whole notebook.</summary>
/// <param name="Notebook">The notebook.</param>
/// <param name="Cells">One result per cell, in order.</param>
/// <param name="Duration">Wall time.</param>
public sealed record NotebookResult(Notebook Notebook, IReadOnlyList<CellResult> Cells, TimeSpan Duration)
{
    /// <summary>The parameter values injected (<c>--set</c>), in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>The first failure, if any.</summary>
    public CellFailure? Failure => Cells.FirstOrDefault(c => c.Failure is not null)?.Failure;

    /// <summary>True when no cell failed.</summary>
    public bool Succeeded => Failure is null;
}
