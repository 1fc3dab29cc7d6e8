using OnePointEntry.Screening.Decision;
using OnePointEntry.Themes;
using static OnePointEntry.Domain.Tests.Screening.Decision.DecisionTestData;

namespace OnePointEntry.Domain.Tests.Screening.Decision;

public sealed class ContentCheckTests
{
    private readonly ContentCheck _check = new(ScreeningCues.Default, ThemeTaxonomy.Default);

    [Theory]
    [InlineData("We would like to visit http://x.example/a?b=c and write to a@b.dk", 8)]
    [InlineData("参观访问", 2)]
    [InlineData("参观 Kopenhagen Fur 访问", 4)]
    [InlineData("a b c", 0)]
    [InlineData("   ", 0)]
    public void Words_are_counted_without_links_and_addresses_and_two_Chinese_characters_make_a_word(string text, int words) =>
        Assert.Equal(words, ContentCheck.CountWords(text));

    [Fact]
    public void A_plain_delegation_enquiry_raises_no_signals()
    {
        var assessment = _check.Assess(Submission("Our delegation would like to visit wastewater treatment plants in Copenhagen."), Facts("water-environment"));

        Assert.False(assessment.NeedsManualReview);
        Assert.Null(assessment.Reason);
        Assert.Empty(assessment.Signals);
    }

    [Fact]
    public void One_spam_signal_alone_is_not_spam_but_is_recorded()
    {
        var assessment = _check.Assess(Submission("See http://a.example, http://b.example and http://c.example for our delegation's programme, the list of participants we are bringing and the topics we hope to discuss in Copenhagen."), Facts("digital-tech"));

        Assert.False(assessment.NeedsManualReview);
        Assert.Equal(["Many links: 3"], assessment.Signals);
    }

    [Fact]
    public void A_few_words_around_several_links_are_link_stuffing()
    {
        var assessment = _check.Assess(Submission("Our delegation: http://a.example http://b.example http://c.example"), Facts("digital-tech"));

        Assert.True(assessment.NeedsManualReview);
        Assert.Equal(["Link-stuffed: 3 links in 2 words"], assessment.Signals);
    }

    [Fact]
    public void Text_about_nothing_to_do_with_a_visit_adds_to_a_cue_word()
    {
        var assessment = _check.Assess(Submission("Special offer on replica watches for your staff this week only.", organisation: "Shop"), Facts());

        Assert.True(assessment.NeedsManualReview);
        Assert.Equal(2, assessment.Signals.Count);
        Assert.Contains("Nothing about a visit", assessment.Signals[1], StringComparison.Ordinal);
    }
}
