using OnePointEntry.Text;

namespace OnePointEntry.Domain.Tests.Text;

public sealed class InputTextTests
{
    [Theory]
    [InlineData("Aarhus\0", "U+0000")]
    [InlineData("Ann\r\nSender", "U+000D")]
    [InlineData("ann\u200B@example.org", "U+200B")]
    [InlineData("Aarhus\u202Etxt", "U+202E")]
    [InlineData("\u2066Aarhus", "U+2066")]
    [InlineData("Aarhus\uFEFF", "U+FEFF")]
    [InlineData("Aarhus\u2028", "U+2028")]
    [InlineData("Aarhus\u0085", "U+0085")]
    [InlineData("Aar\tHus", "U+0009")]
    [InlineData("Org \uFFFF", "U+FFFF")]
    public void A_single_line_refuses_control_line_break_invisible_and_direction_characters(string text, string refused)
    {
        Assert.Equal(refused, InputText.FindRefused(text, TextKind.SingleLine));
    }

    [Fact]
    public void Half_of_a_surrogate_pair_is_refused_in_any_text()
    {
        // Built here, not in InlineData: a lone surrogate does not survive the test runner's serialisation.
        var text = "Org " + (char)0xD800;

        Assert.Equal("U+D800", InputText.FindRefused(text, TextKind.SingleLine));
        Assert.Equal("U+D800", InputText.FindRefused(text, TextKind.MultiLine));
    }

    [Theory]
    [InlineData("辽阳市人民政府")]
    [InlineData("Café Ångström")]
    [InlineData("بلدية دبي")]
    [InlineData("Grinning \U0001F600")]
    public void Visible_text_in_any_script_is_a_single_line(string text)
    {
        Assert.Null(InputText.FindRefused(text, TextKind.SingleLine));
    }

    [Fact]
    public void Free_text_keeps_line_breaks_tabs_and_joiners_and_refuses_NUL_and_overrides()
    {
        Assert.Null(InputText.FindRefused("Programme:\r\n\t1. Wind \U0001F468\u200D\U0001F469", TextKind.MultiLine));
        Assert.Equal("U+0000", InputText.FindRefused("We visit\0", TextKind.MultiLine));
        Assert.Equal("U+202E", InputText.FindRefused("We visit \u202E", TextKind.MultiLine));
        Assert.Equal("U+0007", InputText.FindRefused("Bell\u0007", TextKind.MultiLine));
    }

    [Fact]
    public void Normalising_composes_decomposed_accents()
    {
        Assert.Equal("Caf\u00E9", InputText.Normalise("Cafe\u0301"));
    }
}
