namespace EvSupplyChain.Notebooks;

/// <summary>
/// Members every cell sees unqualified, matching the Polyglot C# kernel's <c>display(...)</c> and <c>HTML(...)</c>,
/// so one notebook runs unchanged in both hosts.
/// </summary>
public sealed class ScriptGlobals
{
    private readonly Action<object?, string[]> _display;

    internal ScriptGlobals(Action<object?, string[]> display) => _display = display;

#pragma warning disable IDE1006 // lower-case names are the Polyglot API
    /// <summary>Shows a value as a display output (optionally only the given mime types).</summary>
    public DisplayedValue display(object? value, params string[] mimeTypes)
    {
        _display(value, mimeTypes);
        return new DisplayedValue(value);
    }

    /// <summary>Wraps markup so it is shown as HTML.</summary>
    public HtmlString HTML(string content) => new(content);
#pragma warning restore IDE1006
}
