using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace EvSupplyChain.Notebooks;

/// <summary>Entry point of the kernel host process (<c>dotnet EvSupplyChain.Notebooks.dll</c>).</summary>
public static class KernelHostProgram
{
    /// <summary>Serves one notebook's kernel over stdin/stdout JSON lines until stdin closes.</summary>
    public static int Main()
    {
        // stdout carries the protocol only: anything else the process prints (outside a cell's capture) goes to stderr,
        // and user code that reads the console reads nothing.
        var protocol = Console.OpenStandardOutput();
        var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        Console.SetOut(new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true });
        Console.SetIn(TextReader.Null);
        return KernelHost.RunAsync(input, protocol).GetAwaiter().GetResult();
    }
}

/// <summary>
/// One notebook's kernel: a <see cref="CompositeKernel"/> with the .NET Interactive C# kernel set up as the Jupyter and
/// VS Code kernels set it up (<c>#r "nuget:…"</c>, <c>#!time</c>, <c>display</c>/<c>HTML</c> helpers, NuGet kernel
/// extensions), plus the DataFrame formatter of Microsoft.Data.Analysis. Reads <c>run</c> requests (JSON lines),
/// writes each output as it is produced, then one <c>done</c> message per cell.
/// </summary>
public static class KernelHost
{
    /// <summary>Runs until <paramref name="input"/> ends; returns the process exit code.</summary>
    public static async Task<int> RunAsync(TextReader input, Stream output)
    {
        var writer = new StreamWriter(output, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        var gate = new object();
        void Send(JsonObject message)
        {
            var line = message.ToJsonString();
            lock (gate) writer.WriteLine(line);
        }

        using var kernel = CreateKernel();
        var csharp = (CSharpKernel)kernel.ChildKernels.Single();
        DataFrameFormatter.Install(kernel);
        var currentCell = 0;
        var running = false;
        using var subscription = kernel.KernelEvents.Subscribe(e =>
        {
            if (running && Output(e) is { } o)
            {
                o["cell"] = currentCell;
                Send(o);
            }
        });
        // Compile and run one trivial submission before the first cell, so the first cell's timeout does not include
        // JIT-compiling Roslyn (about a second on an idle machine).
        await kernel.SendAsync(new SubmitCode(WarmUp));
        Send(new JsonObject { ["type"] = "ready" });
        while (await input.ReadLineAsync() is { } line)
        {
            if (JsonNode.Parse(line) is not JsonObject request || (string?)request["type"] != "run") continue;
            currentCell = (int)request["cell"]!;
            var code = (string)request["code"]!;
            UseCellFile(csharp, (string?)request["file"]);
            var file = (string?)request["file"];
            running = true;
            var result = await kernel.SendAsync(new SubmitCode(code));
            running = false;
            Send(Done(currentCell, file, result));
        }
        return 0;
    }

    /// <summary>The first submission. Besides warming up, it imports System.IO, which the stock kernel does not: the
    /// project's hand-written runner did, and notebook 05 still relies on it (docs/rendering.md; NotebookLintTests lists
    /// notebooks that use System.IO without the using, so the line goes once that list is empty).</summary>
    private const string WarmUp = "using System.IO;";

    private static CompositeKernel CreateKernel()
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective((k, references) =>
            {
                k.AddAssemblyReferences(references.SelectMany(r => r.AssemblyPaths));
                return Task.CompletedTask;
            })
            .UseKernelHelpers()
            .UseValueSharing();
        var kernel = new CompositeKernel { csharp };
        kernel.DefaultKernelName = csharp.Name;
        AddTimeMagic(kernel);
        NuGetExtensions.Install(kernel);
        return kernel;
    }

    /// <summary><c>#!time</c>: after the cell, shows how long it ran (as the Jupyter kernel's magic does).</summary>
    private static void AddTimeMagic(Kernel kernel) =>
        kernel.AddDirective(new KernelActionDirective("#!time") { Description = "Time the execution of the cell" }, (_, context) =>
        {
            var watch = Stopwatch.StartNew();
            context.OnComplete(done =>
            {
                var text = $"Wall time: {watch.Elapsed.TotalMilliseconds:0.###}ms";
                done.Publish(new DisplayedValueProduced(watch.Elapsed, context.Command, [new FormattedValue(PlainTextFormatter.MimeType, text)]));
            });
            return Task.CompletedTask;
        });

    /// <summary>Compiles the next cell under <paramref name="file"/> with debug information, so a run-time exception's stack
    /// trace carries the cell's line numbers. The kernel keeps its script options private; without them the line is unknown.</summary>
    private static void UseCellFile(CSharpKernel kernel, string? file)
    {
        if (file is null || ScriptOptionsField is null) return;
        if (ScriptOptionsField.GetValue(kernel) is ScriptOptions options)
            ScriptOptionsField.SetValue(kernel, options.WithFilePath(file).WithFileEncoding(Encoding.UTF8).WithEmitDebugInformation(true));
    }

    private static readonly FieldInfo? ScriptOptionsField =
        typeof(CSharpKernel).GetField("_scriptOptions", BindingFlags.Instance | BindingFlags.NonPublic) is { FieldType: var t } f && t == typeof(ScriptOptions) ? f : null;

    private static JsonObject? Output(KernelEvent e) => e switch
    {
        StandardOutputValueProduced s => Stream("stdout", s),
        StandardErrorValueProduced s => Stream("stderr", s),
        // `display(x)` as a cell's last line returns the DisplayedValue handle; its tree view is noise, not a result.
        ReturnValueProduced { Value: DisplayedValue } => null,
        ReturnValueProduced r => Data("result", r),
        DisplayedValueUpdated u => Data("update", u),
        DisplayedValueProduced d => Data("display", d),
        ErrorProduced err => new JsonObject { ["type"] = "stream", ["name"] = "stderr", ["text"] = err.Message + "\n" },
        _ => null,
    };

    private static JsonObject Stream(string name, DisplayEvent e) => new()
    {
        ["type"] = "stream", ["name"] = name, ["text"] = string.Concat(e.FormattedValues.Select(v => v.Value)),
    };

    private static JsonObject Data(string type, DisplayEvent e)
    {
        var data = new JsonObject();
        foreach (var (mime, text) in MimeBundle.For(e.Value, e.FormattedValues)) data[mime] = text;
        return new JsonObject { ["type"] = type, ["id"] = e.ValueId, ["data"] = data };
    }

    /// <summary>The cell's outcome: ok, or the failure with its line and every error diagnostic.</summary>
    private static JsonObject Done(int cell, string? file, KernelCommandResult result)
    {
        var done = new JsonObject { ["type"] = "done", ["cell"] = cell, ["ok"] = true };
        if (result.Events.OfType<CommandFailed>().LastOrDefault() is not { } failed) return done;
        done["ok"] = false;
        var errors = result.Events.OfType<DiagnosticsProduced>().SelectMany(d => d.Diagnostics)
            .Where(d => d.Severity.ToString() == "Error").ToArray();
        if (errors.Length > 0)
        {
            var first = errors[0];
            done["line"] = first.LinePositionSpan.Start.Line + 1;
            done["ename"] = "CompilationError";
            done["message"] = $"{first.Code}: {first.Message}";
            done["traceback"] = new JsonArray(errors.Select(d => (JsonNode?)$"({d.LinePositionSpan.Start.Line + 1},{d.LinePositionSpan.Start.Character + 1}): error {d.Code}: {d.Message}").ToArray());
            return done;
        }
        if (failed.Exception is { } ex and not CodeSubmissionCompilationErrorException)
        {
            var inner = ex is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException! : ex;
            done["ename"] = inner.GetType().Name;
            done["message"] = $"{inner.GetType().Name}: {inner.Message}";
            done["line"] = CellLine(inner, file);
            done["traceback"] = new JsonArray(inner.ToString().Split('\n').Select(l => (JsonNode?)l.TrimEnd('\r')).ToArray());
            return done;
        }
        done["ename"] = "Error";
        done["message"] = failed.Message;
        done["traceback"] = new JsonArray((JsonNode?)failed.Message);
        return done;
    }

    /// <summary>The line of the innermost stack frame compiled from the current cell <paramref name="file"/>.</summary>
    private static int? CellLine(Exception ex, string? file)
    {
        if (file is null) return null;
        for (var e = ex; e is not null; e = e.InnerException)
        {
            var frame = new StackTrace(e, true).GetFrames().FirstOrDefault(f => f.GetFileName() == file && f.GetFileLineNumber() > 0);
            if (frame is not null) return frame.GetFileLineNumber();
        }
        return null;
    }
}

/// <summary>The mime bundle an output carries: what the kernel formatted, plus <c>text/plain</c> and every further mime
/// type the value's <c>TypeFormatterSourceAttribute</c> offers (the Plotly JSON of a figure), so executed notebooks and
/// reports get all of them.</summary>
internal static class MimeBundle
{
    private static readonly ConcurrentDictionary<Type, (string Mime, Func<object, string?> Format)[]> Extra = new();

    public static IEnumerable<(string Mime, string Text)> For(object? value, IReadOnlyCollection<FormattedValue> formatted)
    {
        var bundle = new List<(string, string)>();
        var seen = new HashSet<string>();
        foreach (var f in formatted)
            if (seen.Add(f.MimeType)) bundle.Add((f.MimeType, f.Value));
        if (value is null || value is FormattedValue || value is IEnumerable<FormattedValue>) return bundle;
        foreach (var (mime, format) in Extra.GetOrAdd(value.GetType(), ConventionFormatters))
            if (!seen.Contains(mime) && format(value) is { } text && seen.Add(mime)) bundle.Add((mime, text));
        if (seen.Add(PlainTextFormatter.MimeType)) bundle.Add((PlainTextFormatter.MimeType, value.ToDisplayString(PlainTextFormatter.MimeType)));
        return bundle;
    }

    /// <summary>The formatters a type's (or a base type's) formatter source creates, called as the convention says:
    /// <c>bool Format(object, TextWriter)</c> per <c>MimeType</c>.</summary>
    private static (string, Func<object, string?>)[] ConventionFormatters(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            var attribute = t.GetCustomAttributes(false).FirstOrDefault(a => a.GetType().Name == "TypeFormatterSourceAttribute");
            if (attribute?.GetType().GetProperty("FormatterSourceType")?.GetValue(attribute) is not Type source) continue;
            try
            {
                var formatters = source.GetMethod("CreateTypeFormatters", Type.EmptyTypes)?.Invoke(Activator.CreateInstance(source), null) as System.Collections.IEnumerable;
                var list = new List<(string, Func<object, string?>)>();
                foreach (var f in formatters?.Cast<object>() ?? [])
                {
                    var mime = f.GetType().GetProperty("MimeType")?.GetValue(f) as string;
                    var method = f.GetType().GetMethod("Format", [typeof(object), typeof(TextWriter)]);
                    if (mime is null || method is null) continue;
                    list.Add((mime, value =>
                    {
                        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
                        try
                        {
                            return method.Invoke(f, [value, writer]) is true ? writer.ToString() : null;
                        }
                        catch (TargetInvocationException)
                        {
                            return null;
                        }
                    }));
                }
                return list.ToArray();
            }
            catch (Exception e) when (e is TargetInvocationException or MissingMethodException)
            {
                return [];
            }
        }
        return [];
    }
}

/// <summary>Loads the kernel extensions a NuGet package ships in <c>interactive-extensions/dotnet/</c> after
/// <c>#r "nuget:…"</c> restores it, as the Jupyter and VS Code kernels do.</summary>
internal static class NuGetExtensions
{
    public static void Install(CompositeKernel kernel)
    {
        var pending = new ConcurrentQueue<string>();
        var seen = new ConcurrentDictionary<string, bool>();
        kernel.KernelEvents.Subscribe(e =>
        {
            if (e is PackageAdded { PackageReference.PackageRoot: { } root } && seen.TryAdd(root, true)) pending.Enqueue(root);
        });
        kernel.AddMiddleware(async (command, context, next) =>
        {
            await next(command, context);
            while (pending.TryDequeue(out var root))
            {
                var folder = Path.Combine(root, "interactive-extensions", "dotnet");
                if (!Directory.Exists(folder)) continue;
                foreach (var dll in Directory.GetFiles(folder, "*.dll"))
                {
                    Assembly assembly;
                    try
                    {
                        assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(dll);
                    }
                    catch (FileLoadException)
                    {
                        continue; // the same extension is already loaded (e.g. the DataFrame formatter this host installs)
                    }
                    await KernelExtensions.LoadAsync(assembly, kernel);
                }
            }
        });
    }
}

/// <summary>Instantiates and loads every <see cref="IKernelExtension"/> an assembly exports.</summary>
internal static class KernelExtensions
{
    public static async Task LoadAsync(Assembly assembly, Kernel kernel)
    {
        foreach (var type in assembly.GetExportedTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false } && typeof(IKernelExtension).IsAssignableFrom(t)))
            await ((IKernelExtension)Activator.CreateInstance(type)!).OnLoadAsync(kernel);
    }
}

/// <summary>
/// Registers Microsoft.Data.Analysis's DataFrame formatter (its package's kernel extension, copied next to this
/// assembly) as soon as a notebook loads Microsoft.Data.Analysis by any route, e.g. as a dependency of a <c>#r</c>'d
/// library, into the same load context, so a DataFrame shows as a table without <c>#r "nuget:…"</c>.
/// </summary>
internal static class DataFrameFormatter
{
    private const string ExtensionFile = "interactive-extensions/Microsoft.Data.Analysis.Interactive.dll";

    public static void Install(Kernel kernel)
    {
        var extension = Path.Combine(AppContext.BaseDirectory, ExtensionFile);
        if (!File.Exists(extension)) extension = Path.Combine(Path.GetDirectoryName(typeof(DataFrameFormatter).Assembly.Location)!, ExtensionFile);
        if (!File.Exists(extension)) return;
        var loaded = new ConcurrentDictionary<AssemblyLoadContext, bool>();
        void Load(Assembly assembly)
        {
            if (assembly.GetName().Name != "Microsoft.Data.Analysis") return;
            var context = AssemblyLoadContext.GetLoadContext(assembly) ?? AssemblyLoadContext.Default;
            if (!loaded.TryAdd(context, true)) return;
            KernelExtensions.LoadAsync(context.LoadFromAssemblyPath(extension), kernel).GetAwaiter().GetResult();
        }
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) => Load(e.LoadedAssembly);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies()) Load(assembly);
    }
}
