using EvSupplyChain.Models.Display;
using EvSupplyChain.Notebooks;

namespace EvSupplyChain.Tests.Display;

public class ProseTests
{
    [Fact]
    public void Markdown_renders_as_html_with_computed_numbers()
    {
        var gap = 437853.4;
        var html = Prose.Markdown($"The **gap** is {gap:N0} t.").ToHtml();
        Assert.Equal("<div class=\"evsc-prose\"><p>The <strong>gap</strong> is 437,853 t.</p></div>", html);
    }

    [Fact]
    public void Maths_is_left_for_katex_and_tables_render()
    {
        var html = Prose.Markdown("Share $s_i = x_i / X$.\n\n| a | b |\n|---|---|\n| 1 | 2 |").ToHtml();
        Assert.Contains("class=\"math\"", html);
        Assert.Contains("<table>", html);
    }

    [Fact]
    public void Text_form_is_the_markdown_source() => Assert.Equal("*x*", Prose.Markdown("*x*").ToText());

    [Fact]
    public void The_kernel_host_shows_prose_as_html_through_the_formatter_source()
    {
        var bundle = MimeBundle.For(Prose.Markdown("**bold**"), []).ToDictionary(b => b.Mime, b => b.Text);
        Assert.Equal("<div class=\"evsc-prose\"><p><strong>bold</strong></p></div>", bundle["text/html"]);
        Assert.Equal("**bold**", bundle["text/plain"]);
        Assert.Equal("text/html", bundle.Keys.First());
    }
}
