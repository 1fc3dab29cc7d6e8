using System.Text.RegularExpressions;

namespace OnePointEntry.Reports.Tests;

public sealed partial class StatisticsHtmlReportTests
{
    private static readonly StatisticsHtmlReport s_report = new(ReportText.Default, new StatisticsChart(ReportText.Default));

    [Fact]
    public void The_headline_gives_the_growth_unrounded_until_shown()
    {
        var html = s_report.Monthly(ReportFixtures.October(), "cid:chart");

        Assert.Contains("56 delegations facilitated, up 9.8% from 51 in October 2025", html, StringComparison.Ordinal);
        Assert.Contains("2 enquiries received, against none in October 2025", html, StringComparison.Ordinal);
        Assert.Contains("23.2% of the delegations came from China", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Country_rows_show_count_share_year_earlier_and_growth_with_new_and_falls()
    {
        var html = s_report.Monthly(ReportFixtures.October(), "cid:chart");

        Assert.Contains("<tr><th scope=\"row\">China (CN)</th><td class=\"n\">13</td><td class=\"n\">23.2%</td><td class=\"n\">20</td><td class=\"n\">−35.0%</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">Japan (JP)</th><td class=\"n\">23</td><td class=\"n\">41.1%</td><td class=\"n\">0</td><td class=\"n\">new</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">Not known</th><td class=\"n\">1</td><td class=\"n\">50.0%</td><td class=\"n\">0</td><td class=\"n\">new</td></tr>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("\"onload=\"alert(1)", "&quot;onload=&quot;alert(1)")]
    [InlineData("Smith & Co <b>", "Smith &amp; Co &lt;b&gt;")]
    [InlineData("辽阳市人民政府", "辽阳市人民政府")]
    public void Organisation_names_are_encoded(string organisation, string encoded)
    {
        var html = s_report.Monthly(ReportFixtures.October(organisation), "cid:chart");

        Assert.Contains($"<th scope=\"row\">{encoded}</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_table_has_a_caption_and_header_cells_with_a_scope()
    {
        var html = s_report.Monthly(ReportFixtures.October(), "cid:chart");

        var tables = TablePattern().Matches(html);
        Assert.True(tables.Count >= 10, $"{tables.Count} tables");
        Assert.All(tables, table => Assert.StartsWith("<table>\n<caption>", table.Value, StringComparison.Ordinal));
        Assert.DoesNotMatch("<th>", html);
        Assert.Single(Regex.Matches(html, "<h1>"));
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_is_where_the_caller_says_with_a_text_alternative_and_its_figures_as_a_table()
    {
        var html = s_report.Monthly(ReportFixtures.October(), "data:image/png;base64,AAAA");

        Assert.Matches("<img src=\"data:image/png;base64,AAAA\" width=\"1000\" height=\"500\" alt=\"Line chart of delegations facilitated per month from November 2024 to October 2026, by country, with the totals over the 24 months: [^\"]*Germany 51", html);
        Assert.Contains("<caption>Delegations facilitated per month by country</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">October 2026</th><td class=\"n\">20</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stylesheet_hash_matches_the_style_element()
    {
        var html = s_report.Monthly(ReportFixtures.October(), "cid:chart");
        var style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;

        Assert.Equal(StatisticsHtmlReport.Stylesheet, style);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<table>.*?</table>", RegexOptions.Singleline)]
    private static partial Regex TablePattern();
}
