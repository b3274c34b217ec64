namespace EvSupplyChain.Models.Display;

/// <summary>
/// Marks a type as rendered by a formatter source. Polyglot Notebooks (.NET Interactive) and the project's own
/// notebook runner find this attribute by its name, so the library needs no reference to either.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = true)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>The type whose <c>CreateTypeFormatters()</c> returns the formatters.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>Mime types the host should prefer, first one first.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}

/// <summary>One formatter as the naming convention expects: a mime type and a <c>Format(object, TextWriter)</c>.</summary>
public sealed class ConventionFormatter(Type type, string mimeType, Func<object, string> render)
{
    /// <summary>The mime type this formatter writes.</summary>
    public string MimeType { get; } = mimeType;

    /// <summary>The type this formatter handles.</summary>
    public Type Type { get; } = type;

    /// <summary>Writes <paramref name="instance"/>; false when it is not of <see cref="Type"/>.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        if (!Type.IsInstanceOfType(instance)) return false;
        writer.Write(render(instance));
        return true;
    }
}

/// <summary>Formatter source for every displayable type of the library.</summary>
public sealed class DisplayFormatterSource
{
    /// <summary>Called by the notebook host.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new ConventionFormatter(typeof(IDisplayable), "text/html", o => ((IDisplayable)o).ToHtml()),
        new ConventionFormatter(typeof(IDisplayable), "text/plain", o => ((IDisplayable)o).ToText()),
        new ConventionFormatter(typeof(Figure), Figure.PlotlyMimeType, o => ((Figure)o).ToJson()),
        // DataFrames as tables in any .NET Interactive kernel (Jupyter, VS Code, evsc render) without the
        // Microsoft.Data.Analysis kernel extension, which a plain #r of the DLL does not load. The kernel takes these
        // formatters when it first displays one of the library's types (every notebook's first cell does).
        new ConventionFormatter(typeof(Microsoft.Data.Analysis.DataFrame), "text/html", o => Table.From((Microsoft.Data.Analysis.DataFrame)o).ToHtml()),
    ];
}

/// <summary>Something a notebook can show: HTML for rich hosts, text for consoles.</summary>
public interface IDisplayable
{
    /// <summary>An HTML fragment (no page wrapper).</summary>
    string ToHtml();

    /// <summary>Plain text for consoles and <c>text/plain</c> outputs.</summary>
    string ToText();
}
