using System.Text;

namespace EvSupplyChain.Notebooks;

/// <summary>
/// Routes <see cref="Console.Out"/> and <see cref="Console.Error"/> to the running cell's collector. The target
/// is async-local, so notebooks run concurrently (e.g. by parallel tests) do not see each other's output.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly AsyncLocal<OutputCollector?> Current = new();
    private static readonly Lock Gate = new();
    private static bool _installed;

    public static void Install()
    {
        lock (Gate)
        {
            if (_installed) return;
            Console.SetOut(new Router(Console.Out, "stdout"));
            Console.SetError(new Router(Console.Error, "stderr"));
            _installed = true;
        }
    }

    /// <summary>Sends console output of this async flow to <paramref name="collector"/> (null: back to the console).</summary>
    public static void Route(OutputCollector? collector) => Current.Value = collector;

    private sealed class Router(TextWriter original, string name) : TextWriter
    {
        public override Encoding Encoding => original.Encoding;

        public override void Write(char value)
        {
            if (Current.Value is { } c) c.Write(name, value.ToString());
            else original.Write(value);
        }

        public override void Write(string? value)
        {
            if (Current.Value is { } c) c.Write(name, value ?? "");
            else original.Write(value);
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine(string? value) => Write((value ?? "") + Environment.NewLine);

        public override void Flush()
        {
            if (Current.Value is null) original.Flush();
        }
    }
}

/// <summary>Collects one cell's outputs in order; console text between displays becomes one stream output.</summary>
internal sealed class OutputCollector
{
    private readonly List<CellOutput> _outputs = [];
    private readonly StringBuilder _pending = new();
    private string _pendingName = "stdout";
    private readonly Lock _gate = new();

    public void Write(string stream, string text)
    {
        lock (_gate)
        {
            if (_pending.Length > 0 && stream != _pendingName) FlushLocked();
            _pendingName = stream;
            _pending.Append(text);
        }
    }

    public void Add(CellOutput output)
    {
        lock (_gate)
        {
            FlushLocked();
            _outputs.Add(output);
        }
    }

    public IReadOnlyList<CellOutput> Complete()
    {
        lock (_gate)
        {
            FlushLocked();
            return _outputs.ToArray();
        }
    }

    private void FlushLocked()
    {
        if (_pending.Length == 0) return;
        _outputs.Add(CellOutput.Stream(_pendingName, _pending.ToString()));
        _pending.Clear();
    }
}
