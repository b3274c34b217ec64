using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace EvSupplyChain.Tests.Notebooks;

/// <summary>What a page showed in the browser: script errors, failed loads and how many figures drew an SVG.</summary>
/// <param name="Errors">Uncaught exceptions, console errors and browser log errors (e.g. a resource that failed to load).</param>
/// <param name="Figures">Elements with class <c>evsc-figure</c>.</param>
/// <param name="Drawn">Those of them that plotly.js turned into a plot with an SVG.</param>
/// <param name="ExternalRequests">Requests to anything but file: and data: URLs.</param>
public sealed record PageCheck(IReadOnlyList<string> Errors, int Figures, int Drawn, IReadOnlyList<string> ExternalRequests);

/// <summary>
/// Debian's headless Chromium driven over the DevTools protocol (a WebSocket on the loopback interface):
/// opens a page, collects script errors, and counts figures that drew. One browser serves many pages.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string Executable = "/usr/bin/chromium";

    private readonly Process _process;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly List<JsonObject> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly string _profile;
    private Task _receiving = Task.CompletedTask;
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public static string? MissingReason()
    {
        if (!File.Exists(Executable)) return $"{Executable} is not installed (apt-get install chromium; .ci/run does this).";
        if (!File.Exists(NotebookFiles.PlotlyJs)) return $"{NotebookFiles.PlotlyJs} is missing (run `npm ci`; .ci/run does this).";
        return null;
    }

    /// <summary>Starts the browser and connects to it.</summary>
    public static async Task<HeadlessChromium> StartAsync(TimeSpan timeout)
    {
        var profile = Directory.CreateTempSubdirectory("evsc-chromium-").FullName;
        var psi = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
            "--disable-backgrounding-occluded-windows", "--mute-audio", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank",
        })
            psi.ArgumentList.Add(arg);
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        var browser = new HeadlessChromium(process, profile);
        var url = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StringBuilder();
        _ = Task.Run(async () =>
        {
            // Chromium prints the DevTools address on stderr; keep draining so the pipe never fills.
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                lock (log) log.AppendLine(line);
                const string marker = "DevTools listening on ";
                if (line.StartsWith(marker, StringComparison.Ordinal)) url.TrySetResult(line[marker.Length..].Trim());
            }
            url.TrySetException(new InvalidOperationException("Chromium exited before it listened for DevTools:\n" + log));
        });
        _ = Task.Run(() => process.StandardOutput.ReadToEndAsync());
        try
        {
            var ws = await url.Task.WaitAsync(timeout);
            await browser._socket.ConnectAsync(new Uri(ws), CancellationToken.None).WaitAsync(timeout);
            browser._receiving = Task.Run(browser.ReceiveLoop);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens <paramref name="file"/> in a new tab, waits for the load event and for every figure to draw
    /// (or <paramref name="timeout"/>), and reports what happened.</summary>
    public async Task<PageCheck> CheckAsync(string file, TimeSpan timeout)
    {
        var target = (await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }))["targetId"]!.ToString();
        var session = (await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target, ["flatten"] = true }))["sessionId"]!.ToString();
        try
        {
            foreach (var domain in new[] { "Runtime", "Page", "Log", "Network" }) await SendAsync(domain + ".enable", null, session);
            await SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(Path.GetFullPath(file)).AbsoluteUri }, session);
            var deadline = DateTime.UtcNow + timeout;
            while (!Events(session).Any(e => e["method"]?.ToString() == "Page.loadEventFired") && !await IsLoadedAsync(session))
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"{file} did not finish loading within {timeout.TotalSeconds} s.");
                await Task.Delay(200);
            }
            int figures, drawn;
            do
            {
                var value = (await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = CountFigures, ["returnByValue"] = true }, session))["result"]!["value"]!;
                (figures, drawn) = ((int)value["figures"]!, (int)value["drawn"]!);
                if (drawn == figures || DateTime.UtcNow > deadline) break;
                await Task.Delay(100);
            }
            while (true);
            var events = Events(session);
            return new PageCheck(events.Select(ErrorOf).OfType<string>().ToArray(), figures, drawn,
                events.Where(e => e["method"]?.ToString() == "Network.requestWillBeSent").Select(e => e["params"]!["request"]!["url"]!.ToString())
                    .Where(u => !u.StartsWith("file:", StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal)).ToArray());
        }
        finally
        {
            await SendAsync("Target.closeTarget", new JsonObject { ["targetId"] = target });
        }
    }

    private async Task<bool> IsLoadedAsync(string session) =>
        (await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = "document.readyState", ["returnByValue"] = true }, session))["result"]?["value"]?.ToString() == "complete"
        && (await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = "location.protocol", ["returnByValue"] = true }, session))["result"]?["value"]?.ToString() == "file:";

    /// <summary>Counts figure elements and those holding a plotly.js SVG.</summary>
    private const string CountFigures = """
        (() => {
          const figs = [...document.querySelectorAll('.evsc-figure')];
          const drawn = figs.filter(f => f.classList.contains('js-plotly-plot') && f.querySelector('svg.main-svg') !== null);
          return { figures: figs.length, drawn: drawn.length };
        })()
        """;

    private static string? ErrorOf(JsonObject e)
    {
        var p = e["params"];
        switch (e["method"]?.ToString())
        {
            case "Runtime.exceptionThrown":
                var d = p!["exceptionDetails"]!;
                return "uncaught: " + (d["exception"]?["description"]?.ToString() ?? d["text"]?.ToString());
            case "Runtime.consoleAPICalled" when p!["type"]?.ToString() is "error" or "assert":
                return "console." + p["type"] + ": " + string.Join(" ", p["args"]!.AsArray().Select(a => a?["value"]?.ToString() ?? a?["description"]?.ToString()));
            case "Log.entryAdded" when p!["entry"]!["level"]?.ToString() == "error":
                return "log: " + p["entry"]!["text"] + " " + p["entry"]!["url"];
            default:
                return null;
        }
    }

    private List<JsonObject> Events(string session)
    {
        lock (_events) return _events.Where(e => e["sessionId"]?.ToString() == session).ToList();
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject? parameters, string? session = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (session is not null) message["sessionId"] = session;
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendGate.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendGate.Release();
        }
        var answer = await reply.Task.WaitAsync(TimeSpan.FromMinutes(5));
        if (answer["error"] is { } error) throw new InvalidOperationException($"DevTools {method} failed: {error.ToJsonString()}");
        return answer["result"] as JsonObject ?? new JsonObject();
    }

    private async Task ReceiveLoop()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var r = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (r.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage) continue;
                var json = JsonNode.Parse(message.ToArray())!.AsObject();
                message.SetLength(0);
                if (json["id"] is { } id && _pending.TryRemove((int)id, out var tcs)) tcs.TrySetResult(json);
                else if (json["method"] is not null) lock (_events) _events.Add(json);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        foreach (var p in _pending.Values) p.TrySetException(new InvalidOperationException("The DevTools connection closed."));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException)
        {
        }
        await _receiving.ContinueWith(_ => { });
        _socket.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
