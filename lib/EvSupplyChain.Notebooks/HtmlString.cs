namespace EvSupplyChain.Notebooks;

/// <summary>An HTML fragment returned by <c>HTML("…")</c>; shown as <c>text/html</c>.</summary>
/// <param name="Html">The markup.</param>
public sealed record HtmlString(string Html)
{
    /// <inheritdoc />
    public override string ToString() => Html;
}

/// <summary>What <c>display(x)</c> returns (as in Polyglot); a cell ending in it shows nothing more.</summary>
public sealed class DisplayedValue
{
    internal DisplayedValue(object? value) => Value = value;

    /// <summary>The value that was displayed.</summary>
    public object? Value { get; }
}
