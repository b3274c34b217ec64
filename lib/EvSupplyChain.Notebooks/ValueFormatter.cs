using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace EvSupplyChain.Notebooks;

/// <summary>
/// Turns a value into a mime bundle the way Polyglot does for this project's types: a type (or a base type)
/// carrying an attribute named <c>TypeFormatterSourceAttribute</c> is formatted by the formatters its source
/// creates, found by reflection; <see cref="HtmlString"/> is HTML; anything else is <c>text/plain</c>.
/// </summary>
public static class ValueFormatter
{
    /// <summary>How many items of a sequence the plain-text form lists (Polyglot's default list expansion limit).</summary>
    public const int ListLimit = 20;

    private const string AttributeName = "TypeFormatterSourceAttribute";
    private static readonly ConcurrentDictionary<Type, Source?> Sources = new();

    /// <summary>The mime bundle for <paramref name="value"/>, preferred type first; always has <c>text/plain</c>.
    /// When <paramref name="mimeTypes"/> is non-empty only those are kept (plus text/plain).</summary>
    public static IReadOnlyDictionary<string, string> Format(object? value, IReadOnlyCollection<string>? mimeTypes = null)
    {
        var bundle = new Dictionary<string, string>();
        if (value is HtmlString h)
        {
            bundle["text/html"] = h.Html;
            bundle["text/plain"] = h.Html;
        }
        else if (value is not null && SourceFor(value.GetType()) is { } source)
        {
            foreach (var (mime, text) in source.Render(value)) bundle.TryAdd(mime, text);
        }
        if (!bundle.ContainsKey("text/plain")) bundle["text/plain"] = PlainText(value);
        if (mimeTypes is { Count: > 0 })
        {
            foreach (var key in bundle.Keys.Where(k => k != "text/plain" && !mimeTypes.Contains(k)).ToArray()) bundle.Remove(key);
        }
        return bundle;
    }

    /// <summary>Plain text as a console would show it: invariant numbers, sequences as <c>[ a, b, … (N more) ]</c>.</summary>
    public static string PlainText(object? value) => value switch
    {
        null => "<null>",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e => List(e),
        _ => value.ToString() ?? "",
    };

    private static string List(IEnumerable items)
    {
        var shown = new List<string>();
        var more = 0;
        foreach (var item in items)
        {
            if (shown.Count < ListLimit) shown.Add(item is IEnumerable and not string ? item.ToString() ?? "" : PlainText(item));
            else more++;
        }
        return "[ " + string.Join(", ", shown) + (more > 0 ? $", … ({more} more)" : "") + " ]";
    }

    private static Source? SourceFor(Type type) => Sources.GetOrAdd(type, static t =>
    {
        for (var current = t; current is not null; current = current.BaseType)
        {
            var attr = current.GetCustomAttributes(false).FirstOrDefault(a => a.GetType().Name == AttributeName);
            if (attr is null) continue;
            var sourceType = attr.GetType().GetProperty("FormatterSourceType")?.GetValue(attr) as Type;
            var preferred = attr.GetType().GetProperty("PreferredMimeTypes")?.GetValue(attr) as string[];
            if (sourceType is null) return null;
            var instance = Activator.CreateInstance(sourceType);
            var create = sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
            if (instance is null || create?.Invoke(instance, null) is not IEnumerable formatters) return null;
            return new Source(formatters.Cast<object>().Select(Formatter.From).OfType<Formatter>().ToArray(), preferred ?? []);
        }
        return null;
    });

    private sealed record Formatter(string MimeType, Type? Type, Func<object, TextWriter, bool> Write)
    {
        public static Formatter? From(object f)
        {
            var t = f.GetType();
            var mime = t.GetProperty("MimeType")?.GetValue(f) as string;
            var forType = t.GetProperty("Type")?.GetValue(f) as Type;
            var format = t.GetMethod("Format", [typeof(object), typeof(TextWriter)]);
            if (mime is null || format is null) return null;
            return new Formatter(mime, forType, (o, w) => format.Invoke(f, [o, w]) is true);
        }
    }

    private sealed record Source(Formatter[] Formatters, string[] Preferred)
    {
        public IEnumerable<(string Mime, string Text)> Render(object value)
        {
            var ordered = Formatters.OrderBy(f => Array.IndexOf(Preferred, f.MimeType) is var i && i >= 0 ? i : Preferred.Length);
            foreach (var f in ordered)
            {
                if (f.Type is not null && !f.Type.IsInstanceOfType(value)) continue;
                using var w = new StringWriter(CultureInfo.InvariantCulture);
                if (f.Write(value, w)) yield return (f.MimeType, w.ToString());
            }
        }
    }
}
