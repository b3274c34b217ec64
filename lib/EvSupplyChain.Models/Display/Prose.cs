using Markdig;

namespace EvSupplyChain.Models.Display;

/// <summary>
/// Narrative text written by code, so that a sentence can carry computed numbers:
/// <c>Prose.Markdown($"The gap is {gap:N0} t.")</c>. Renders as HTML (Markdown with pipe tables, emphasis and
/// <c>$…$</c> maths left for KaTeX) in reports and notebook front ends, and as its Markdown source in consoles.
/// </summary>
[TypeFormatterSource(typeof(DisplayFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class Prose : IDisplayable
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private Prose(string markdown) => Source = markdown;

    /// <summary>The Markdown text as given.</summary>
    public string Source { get; }

    /// <summary>Prose from Markdown text.</summary>
    public static Prose Markdown(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return new Prose(markdown);
    }

    /// <inheritdoc />
    public string ToHtml() => "<div class=\"evsc-prose\">" + Markdig.Markdown.ToHtml(Source, Pipeline).TrimEnd('\n') + "</div>";

    /// <inheritdoc />
    public string ToText() => Source;

    /// <inheritdoc />
    public override string ToString() => Source;
}
