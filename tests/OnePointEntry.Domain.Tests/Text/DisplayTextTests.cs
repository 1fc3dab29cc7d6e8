using OnePointEntry.Text;

namespace OnePointEntry.Domain.Tests.Text;

public sealed class DisplayTextTests
{
    [Fact]
    public void A_single_line_has_no_line_breaks_controls_or_invisible_characters()
    {
        Assert.Equal("Visit Bcc: all@example.org exe", DisplayText.SingleLine("Visit\r\nBcc: all@example.org\0 \u202Eexe\u200B", 255));
    }

    [Fact]
    public void A_long_text_is_cut_with_a_mark_and_never_inside_a_surrogate_pair()
    {
        var cut = DisplayText.Bound("ab\U0001F600cd", 4);

        Assert.Equal("ab…", cut);
        Assert.Equal(4, DisplayText.Bound(new string('x', 10), 4).Length);
    }

    [Fact]
    public void Lines_of_text_keep_breaks_and_lose_controls_and_lone_surrogates_become_replacement_characters()
    {
        Assert.Equal("one\ntwo\tthree \uFFFD", DisplayText.MultiLine("one\r\ntwo\tthree\0 \uD800", 100));
    }
}
