using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace EvSupplyChain.Tests.Notebooks;

/// <summary>What a page showed in the browser: script errors, failed loads, how many figures drew an SVG, and what a
/// reader at a 1280 px window could not read.</summary>
/// <param name="Errors">Uncaught exceptions, console errors and browser log errors (e.g. a resource that failed to load).</param>
/// <param name="Figures">Elements with class <c>evsc-figure</c>.</param>
/// <param name="Drawn">Those of them that plotly.js turned into a plot with an SVG.</param>
/// <param name="ExternalRequests">Requests to anything but file: and data: URLs.</param>
/// <param name="Layout">Layout defects (see <see cref="HeadlessChromium.LayoutCheck"/>): figure text cut off by or outside its
/// figure, overlapping tick or Sankey labels, a page wider than the window.</param>
public sealed record PageCheck(IReadOnlyList<string> Errors, int Figures, int Drawn, IReadOnlyList<string> ExternalRequests,
    IReadOnlyList<string> Layout);

/// <summary>
/// Debian's headless Chromium driven over the DevTools protocol (a WebSocket on the loopback interface):
/// opens a page, collects script errors, and counts figures that drew. One browser serves many pages.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string Executable = "/usr/bin/chromium";

    /// <summary>The window width every page is checked at (a common laptop browser window).</summary>
    public const int WindowWidth = 1280;

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
            await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
            {
                ["width"] = WindowWidth, ["height"] = 1000, ["deviceScaleFactor"] = 1, ["mobile"] = false,
            }, session);
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
            // automargin redraws a figure after its first draw: let it settle before measuring.
            await Task.Delay(600);
            var layout = (await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = LayoutCheck, ["returnByValue"] = true }, session))["result"]!["value"]!
                .AsArray().Select(v => v!.ToString()).ToArray();
            var events = Events(session);
            return new PageCheck(events.Select(ErrorOf).OfType<string>().ToArray(), figures, drawn,
                events.Where(e => e["method"]?.ToString() == "Network.requestWillBeSent").Select(e => e["params"]!["request"]!["url"]!.ToString())
                    .Where(u => !u.StartsWith("file:", StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal)).ToArray(),
                layout);
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

    /// <summary>
    /// What a reader could not read, one line each: (1) a figure's visible text — tick label, legend entry, title,
    /// axis title, annotation, Sankey label — cut off by or lying outside the figure's box; (2) two tick labels of one
    /// axis, or two Sankey node labels, overlapping; (3) the page scrolling sideways (wider than the window), with the
    /// elements that widen it.
    /// </summary>
    public const string LayoutCheck = """
        (() => {
          const problems = [];
          const W = window.innerWidth;
          const short = s => { s = (s || '').replace(/\s+/g, ' ').trim(); return s.length > 60 ? s.slice(0, 57) + '...' : s; };
          const shown = el => { const r = el.getBoundingClientRect(); if (r.width === 0 && r.height === 0) return false;
            for (let e = el; e && e.nodeType === 1; e = e.parentNode) { const cs = getComputedStyle(e);
              if (cs.display === 'none' || cs.visibility === 'hidden' || cs.opacity === '0') return false; } return true; };
          const kind = t => t.closest('.xtick, .ytick') ? 'tick label' : t.closest('.legend') ? 'legend entry'
            : t.closest('.g-gtitle') ? 'title' : t.closest('.g-xtitle, .g-ytitle, [class^="g-x"], [class^="g-y"]') ? 'axis title'
            : t.closest('.annotation') ? 'annotation' : t.closest('.sankey') ? 'Sankey label' : 'text';
          // A text's own box (rotated with it) as four corners on the page; two boxes overlap when no edge of either
          // separates them by more than a pixel (separating axis test), so rotated tick labels are judged as drawn.
          const corners = t => { const b = t.getBBox(), m = t.getScreenCTM();
            return [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]].map(([x, y]) => new DOMPoint(x, y).matrixTransform(m)); };
          const overlap = (p, q) => {
            for (const poly of [p, q]) for (let i = 0; i < 4; i++) {
              const a = poly[i], b = poly[(i + 1) % 4], nx = b.y - a.y, ny = a.x - b.x, len = Math.hypot(nx, ny) || 1;
              const pp = p.map(v => (v.x * nx + v.y * ny) / len), qq = q.map(v => (v.x * nx + v.y * ny) / len);
              if (Math.min(Math.max(...pp), Math.max(...qq)) - Math.max(Math.min(...pp), Math.min(...qq)) <= 1) return false;
            }
            return true;
          };
          document.querySelectorAll('.evsc-figure').forEach((fig, k) => {
            const container = fig.querySelector('.svg-container');
            if (!container) return;
            const box = container.getBoundingClientRect();
            const name = `figure ${k + 1} "${short(fig.querySelector('.g-gtitle .gtitle')?.textContent || '')}"`;
            // A legend too long for the figure scrolls (plotly clips its entries to the legend box): judge the box.
            const scrolling = [...fig.querySelectorAll('g.legend')].filter(l => { const b = l.querySelector('rect.scrollbar');
              return b && b.getBoundingClientRect().height > 0; });
            for (const l of scrolling) {
              const r = l.querySelector('rect.bg').getBoundingClientRect();
              if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
                problems.push(`${name}: the scrolling legend is cut off by the figure`);
            }
            for (const t of fig.querySelectorAll('svg text')) {
              if (!t.textContent.trim() || !shown(t) || scrolling.some(l => l.contains(t))) continue;
              const r = t.getBoundingClientRect();
              const out = [r.left < box.left - 1 ? 'left' : null, r.right > box.right + 1 ? 'right' : null,
                           r.top < box.top - 1 ? 'top' : null, r.bottom > box.bottom + 1 ? 'bottom' : null].filter(x => x);
              if (out.length) problems.push(`${name}: ${kind(t)} "${short(t.textContent)}" is cut off at the ${out.join(' and ')} edge`);
            }
            const groups = new Map();
            for (const t of fig.querySelectorAll('g.xtick > text, g.ytick > text, .sankey .node-label')) {
              if (!t.textContent.trim() || !shown(t)) continue;
              const key = t.closest('.sankey') || t.parentNode.parentNode;
              if (!groups.has(key)) groups.set(key, []);
              groups.get(key).push(t);
            }
            for (const texts of groups.values()) {
              const rects = texts.map(corners);
              for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++)
                if (overlap(rects[i], rects[j]))
                  problems.push(`${name}: ${kind(texts[i])}s "${short(texts[i].textContent)}" and "${short(texts[j].textContent)}" overlap`);
            }
          });
          const width = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
          if (width > W) {
            const clipped = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
              const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
            const wide = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > W + 1 && !clipped(e))
              .filter((e, i, all) => !all.includes(e.parentElement)).slice(0, 3)
              .map(e => `<${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? ' class="' + e.className + '"' : ''}> "${short(e.textContent)}"`);
            problems.push(`page is ${width} px wide at a ${W} px window (scrolls sideways); widened by ${wide.join(', ')}`);
          }
          return problems;
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
