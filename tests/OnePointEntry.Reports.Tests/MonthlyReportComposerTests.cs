using SkiaSharp;

namespace OnePointEntry.Reports.Tests;

public sealed class MonthlyReportComposerTests
{
    private static readonly MonthlyReportComposer s_composer = new(
        new StatisticsHtmlReport(ReportText.Default, new StatisticsChart(ReportText.Default)),
        new StatisticsTextReport(ReportText.Default),
        new StatisticsChart(ReportText.Default),
        ReportText.Default);

    [Fact]
    public void The_mail_carries_the_chart_once_inline_and_refers_to_it_by_content_id()
    {
        var mail = s_composer.ComposeMail(ReportFixtures.October(), ["management@onepointentry.example"]);

        Assert.Equal("Delegation statistics October 2026", mail.Subject);
        var image = Assert.Single(mail.InlineImages);
        Assert.Equal("image/png", image.ContentType);
        Assert.Contains($"src=\"cid:{image.ContentId}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("56 delegations facilitated, up 9.8% from 51 in October 2025", mail.PlainTextBody, StringComparison.Ordinal);
        Assert.Contains("Japan: 23 (41.1%, new)", mail.PlainTextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_is_a_png_of_the_promised_size_with_the_lines_drawn()
    {
        var png = new StatisticsChart(ReportText.Default).RenderPng(ReportFixtures.October().Chart);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((StatisticsChart.Width, StatisticsChart.Height), (bitmap.Width, bitmap.Height));
        var colours = new HashSet<SKColor>();
        for (var x = 0; x < bitmap.Width; x += 4)
        {
            for (var y = 0; y < bitmap.Height; y += 4)
            {
                colours.Add(bitmap.GetPixel(x, y));
            }
        }

        // Each country's line in its own colour: the first three of the palette are there.
        Assert.Contains(colours, colour => colour == SKColor.Parse("#1f5fa8"));
        Assert.Contains(colours, colour => colour == SKColor.Parse("#c8102e"));
        Assert.Contains(colours, colour => colour == SKColor.Parse("#2e7d32"));
    }

    [Fact]
    public void The_Teams_card_has_the_headline_facts()
    {
        var card = s_composer.ComposeCard(ReportFixtures.October());

        Assert.Equal("Delegation statistics October 2026", card.Title);
        var facts = card.Facts.ToDictionary(fact => fact.Key, fact => fact.Value);
        Assert.Equal("56 (+9.8% on October 2025)", facts["Delegations facilitated"]);
        Assert.Equal("2 (new)", facts["Enquiries received"]);
        Assert.Equal("56 (−5.1%)", facts["Delegations January–October 2026"]);
        Assert.Equal("23 (41.1%)", facts["Japan"]);
        Assert.Equal("23.2%", facts["Public sector"]);
    }
}
