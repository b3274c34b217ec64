using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace EvSupplyChain.Notebooks;

/// <summary>How a cell ended in the kernel process.</summary>
/// <param name="Outputs">What it produced, in order.</param>
/// <param name="Failure">Null when it succeeded; else the line (when known) and message.</param>
/// <param name="Traceback">The error's detail lines, for the error output.</param>
/// <param name="ErrorName">The error kind (exception type, CompilationError, Timeout, KernelExited).</param>
/// <param name="KernelLost">True when the kernel process is gone (timed out and killed, or crashed).</param>
internal sealed record KernelCellResult(IReadOnlyList<CellOutput> Outputs, (int? Line, string Message)? Failure, string[] Traceback, string ErrorName, bool KernelLost);

/// <summary>
/// The parent's side of one kernel process: starts <c>dotnet EvSupplyChain.Notebooks.dll</c> in the notebook's folder,
/// sends cells as JSON lines on stdin and reads outputs from stdout. A cell that outlives its timeout kills the process
/// (a synchronous loop cannot be cancelled any other way); a process that dies (an exception on a background thread,
/// a stack overflow, <c>Environment.Exit</c>) fails the running cell with its exit code and last stderr line.
/// </summary>
internal sealed class KernelProcess : IDisposable
{
    private readonly Process _process;
    private readonly Channel<JsonObject> _messages = Channel.CreateUnbounded<JsonObject>();
    private readonly StringBuilder _stderr = new();
    private readonly Task _readingErrors;

    private KernelProcess(Process process)
    {
        _process = process;
        _ = Task.Run(ReadMessagesAsync);
        _readingErrors = Task.Run(ReadErrorsAsync);
    }

    /// <summary>Starts a kernel whose working directory (the base of relative <c>#r</c> paths) is <paramref name="workingDirectory"/>.</summary>
    public static KernelProcess Start(string workingDirectory)
    {
        var host = typeof(KernelProcess).Assembly.Location;
        var psi = new ProcessStartInfo(DotnetPath())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(host);
        psi.Environment["DOTNET_TieredPGO"] = "0";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        return new KernelProcess(Process.Start(psi) ?? throw new InvalidOperationException("could not start the kernel process"));
    }

    /// <summary>The dotnet executable running this process (or the one the SDK names), else <c>dotnet</c> on PATH.</summary>
    private static string DotnetPath()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet"))) return Path.Combine(root, "dotnet");
        return "dotnet";
    }

    /// <summary>Waits until the kernel is created; false (with the reason) when the process ended first.</summary>
    public async Task<string?> WaitReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            while (await _messages.Reader.WaitToReadAsync(cts.Token))
            {
                if (_messages.Reader.TryRead(out var m) && (string?)m["type"] == "ready") return null;
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Kill();
            return $"the kernel did not start within {timeout.TotalSeconds:0.#} s";
        }
        return await ExitReasonAsync();
    }

    /// <summary>Runs one cell; <paramref name="file"/> names it in stack traces (its line numbers come from there).</summary>
    public async Task<KernelCellResult> RunAsync(int cell, string code, string file, TimeSpan timeout, CancellationToken ct)
    {
        var outputs = new List<CellOutput>();
        var ids = new Dictionary<string, int>();
        var request = new JsonObject { ["type"] = "run", ["cell"] = cell, ["code"] = code, ["file"] = file };
        try
        {
            await _process.StandardInput.WriteLineAsync(request.ToJsonString().AsMemory(), ct);
            await _process.StandardInput.FlushAsync(ct);
        }
        catch (IOException)
        {
            return Lost(outputs, await ExitReasonAsync(), "KernelExited");
        }
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            while (await _messages.Reader.WaitToReadAsync(cts.Token))
            {
                while (_messages.Reader.TryRead(out var m))
                {
                    switch ((string?)m["type"])
                    {
                        case "done":
                            if ((bool?)m["ok"] == true) return new KernelCellResult(outputs, null, [], "", false);
                            var traceback = m["traceback"] is JsonArray t ? t.Select(x => (string?)x ?? "").ToArray() : [];
                            return new KernelCellResult(outputs, ((int?)m["line"], (string?)m["message"] ?? "failed"), traceback, (string?)m["ename"] ?? "Error", false);
                        case "stream":
                            AddStream(outputs, (string?)m["name"] ?? "stdout", (string?)m["text"] ?? "");
                            break;
                        case "update" when m["id"] is { } id && ids.TryGetValue((string)id!, out var at):
                            outputs[at] = outputs[at] with { Data = Bundle(m) };
                            break;
                        case "display" or "result" or "update":
                            if ((string?)m["id"] is { } newId) ids[newId] = outputs.Count;
                            outputs.Add(new CellOutput((string?)m["type"] == "result" ? OutputKind.Result : OutputKind.Display, Bundle(m)));
                            break;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Kill();
            return Lost(outputs, $"did not finish within {timeout.TotalSeconds:0.#} s (the kernel was stopped)", "Timeout");
        }
        return Lost(outputs, await ExitReasonAsync(), "KernelExited");
    }

    private static KernelCellResult Lost(List<CellOutput> outputs, string message, string name) =>
        new(outputs, (null, message), [message], name, true);

    /// <summary>Consecutive console writes of one stream become one output, as Jupyter shows them.</summary>
    private static void AddStream(List<CellOutput> outputs, string name, string text)
    {
        if (text.Length == 0) return;
        if (outputs.Count > 0 && outputs[^1] is { Kind: OutputKind.Stream } last && last.StreamName == name)
            outputs[^1] = last with { Text = last.Text + text };
        else
            outputs.Add(CellOutput.Stream(name, text));
    }

    private static Dictionary<string, string> Bundle(JsonObject m)
    {
        var data = new Dictionary<string, string>();
        if (m["data"] is JsonObject d)
        {
            foreach (var (mime, value) in d) data[mime] = (string?)value ?? "";
        }
        return data;
    }

    private async Task<string> ExitReasonAsync()
    {
        if (!_process.WaitForExit(5000)) Kill();
        await _readingErrors.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        string detail;
        lock (_stderr) detail = LastMeaningfulLine(_stderr.ToString());
        var code = _process.HasExited ? _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
        return $"the kernel process ended (exit code {code})" + (detail.Length > 0 ? ": " + detail : "");
    }

    /// <summary>The line that says why a .NET process died: "Unhandled exception. X: message", "Stack overflow.", …</summary>
    private static string LastMeaningfulLine(string stderr)
    {
        var lines = stderr.Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unhandled = lines.FirstOrDefault(l => l.StartsWith("Unhandled exception.", StringComparison.Ordinal));
        if (unhandled is not null) return unhandled;
        var overflow = lines.FirstOrDefault(l => l.StartsWith("Stack overflow", StringComparison.Ordinal));
        if (overflow is not null) return overflow;
        return lines.LastOrDefault(l => !l.StartsWith("at ", StringComparison.Ordinal)) ?? "";
    }

    private async Task ReadMessagesAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                try
                {
                    if (JsonNode.Parse(line) is JsonObject m) _messages.Writer.TryWrite(m);
                }
                catch (JsonException)
                {
                    lock (_stderr) _stderr.AppendLine(line);
                }
            }
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }

    private async Task ReadErrorsAsync()
    {
        var buffer = new char[4096];
        int n;
        while ((n = await _process.StandardError.ReadAsync(buffer)) > 0)
        {
            lock (_stderr)
            {
                _stderr.Append(buffer, 0, n);
                if (_stderr.Length > 64_000) _stderr.Remove(0, _stderr.Length - 32_000);
            }
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    /// <summary>Closes stdin (the kernel then exits) and makes sure the process is gone.</summary>
    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(2000)) Kill();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            Kill();
        }
        _process.Dispose();
    }
}
