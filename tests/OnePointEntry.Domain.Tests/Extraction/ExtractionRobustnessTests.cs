using System.Text;
using OnePointEntry.Extraction;

namespace OnePointEntry.Domain.Tests.Extraction;

public sealed class ExtractionRobustnessTests
{
    private static readonly DateTimeOffset s_sent = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(1));

    private static MailContent Mail(string text) => new() { Text = text, Subject = "Visit", FromAddress = "li.na@example.cn", SentAt = s_sent };

    private static string Repeat(string unit, int size)
    {
        var builder = new StringBuilder(size + unit.Length);
        while (builder.Length < size)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }

    [Fact]
    public void A_pattern_out_of_time_leaves_its_field_empty_and_sends_the_mail_to_review_instead_of_throwing()
    {
        // A timeout of one tick cannot scan a megabyte: every pattern that reads the body runs out of time.
        var extractor = new EnquiryExtractor(TimeSpan.FromTicks(1));
        var text = "A delegation of 5 people from Shanghai will visit Copenhagen from 2 to 4 March 2027.\n" + Repeat("1.2-3.4-5 ", 1 << 20);

        var result = extractor.Extract(Mail(text));

        Assert.Null(result.ArrivalDate);
        Assert.Null(result.DepartureDate);
        Assert.Contains(result.ReviewReasons, reason => reason.StartsWith("The visit dates could not be read in time", StringComparison.Ordinal));
        // The fields whose readers did not time out are still read.
        Assert.Equal("CN", result.Country);
    }

    [Fact]
    public void A_field_reader_that_fails_leaves_only_that_field_empty_with_a_reason()
    {
        const string Text = "A delegation of 5 people from Shanghai will visit Copenhagen from 2 to 4 March 2027 to learn about water management.";
        var content = Mail(Text) with { Attachments = null! };

        var result = EnquiryExtractor.Default.Extract(content);

        Assert.Empty(result.Themes);
        Assert.Equal(["The themes could not be read (ArgumentNullException). Please read the mail."], result.ReviewReasons);
        Assert.Equal(5, result.DelegationSize);
        Assert.Equal(new DateOnly(2027, 3, 2), result.ArrivalDate);
    }

    [Fact]
    public void An_ordinary_enquiry_has_no_review_reasons()
    {
        var result = EnquiryExtractor.Default.Extract(Mail("A delegation of 5 people from Shanghai will visit Copenhagen from 2 to 4 March 2027."));

        Assert.Empty(result.ReviewReasons);
    }

    [Theory]
    [InlineData("1.2-3.4-5.6-7.8-9.0-")]
    [InlineData("1.2-3.4-5 ")]
    [InlineData("12 March 2027 - 14 March 2027, 3/4/2027, 2027-05-06, 6月8日至10日, ")]
    public void A_crafted_megabyte_of_digits_dots_and_dashes_is_extracted_without_an_exception(string unit)
    {
        var result = EnquiryExtractor.Default.Extract(Mail(Repeat(unit, 1 << 20)));

        Assert.NotNull(result);
    }

    [Fact]
    public void A_deep_quote_chain_is_read_as_the_text_after_it()
    {
        var result = EnquiryExtractor.Default.Extract(Mail(new string('>', EnquiryExtractor.MaxReadLength - 100) + " A delegation of 5 people from Shanghai will visit Copenhagen."));

        Assert.Equal(5, result.DelegationSize);
        Assert.Equal("Shanghai", result.City);
    }

    [Fact]
    public void Encoded_data_left_in_the_text_gives_no_facts_and_the_words_around_it_are_still_read()
    {
        // Base64 of an image with "5/3" and "2027" in it, and a tracking link: runs of 60 characters or more.
        var encoded = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg5/3/2027+Ab";
        var text = "Dear One-Point Entry,\n" + encoded + "\n" + encoded + "\nhttps://example.com/track?id=0123456789abcdef0123456789abcdef0123456789&utm=5-3-2027\n"
            + "A delegation of 5 people from Shanghai would like to visit Copenhagen.\n";

        var result = EnquiryExtractor.Default.Extract(Mail(text));

        Assert.Null(result.ArrivalDate);
        Assert.Equal(5, result.DelegationSize);
        Assert.Equal("Shanghai", result.City);
    }

    [Theory]
    [InlineData("Donaudampfschifffahrtsgesellschaftskapitänsmützenhersteller aus Wien")]
    [InlineData("------------------------------------------------------------------------ Forwarded")]
    [InlineData("________________________________________________________________________")]
    [InlineData("代表团一行五人计划访问哥本哈根市政府希望了解智慧城市和绿色能源的发展情况代表团一行五人计划访问哥本哈根市政府希望了解智慧城市和绿色能源")]
    public void Words_separator_lines_and_unspaced_scripts_are_not_taken_for_encoded_data(string text) =>
        Assert.Same(text, EnquiryExtractor.WithoutEncodedRuns(text));

    [Fact]
    public void An_encoded_run_is_blanked_in_place_so_that_what_follows_keeps_its_position()
    {
        var run = new string('A', 30) + new string('7', 30);
        var text = "before " + run + " after";

        var blanked = EnquiryExtractor.WithoutEncodedRuns(text);

        Assert.Equal("before " + new string(' ', 60) + " after", blanked);
    }

    [Fact]
    public void A_text_longer_than_the_read_limit_is_read_up_to_it()
    {
        var head = "A delegation of 5 people from Shanghai will visit Copenhagen from 2 to 4 March 2027.\n";
        var result = EnquiryExtractor.Default.Extract(Mail(head + Repeat("word and word\n", EnquiryExtractor.MaxReadLength) + "We are 40 people from Beijing, 8 to 9 May 2027."));

        Assert.Equal(5, result.DelegationSize);
        Assert.Equal(new DateOnly(2027, 3, 2), result.ArrivalDate);
        Assert.Equal("Shanghai", result.City);
        Assert.Empty(result.ReviewReasons);
    }

    [Theory]
    [InlineData("")]
    [InlineData("No stop at all")]
    [InlineData("One. Two!\nThree? 四。五！六？七；\n\n..x.")]
    public void Sentences_are_the_spans_between_stops_as_a_scan_back_and_forth_finds_them(string text)
    {
        char[] stops = ['.', '!', '?', '。', '！', '？', '；', '\n'];
        var sentences = new Sentences(text);
        for (var index = 0; index <= text.Length; index++)
        {
            var start = index > 0 ? text.LastIndexOfAny(stops, index - 1) + 1 : 0;
            var end = index < text.Length ? text.IndexOfAny(stops, index) : -1;
            Assert.Equal((start, end < 0 ? text.Length : end), sentences.Of(index));
        }
    }
}
