using OnePointEntry.Geography;

namespace OnePointEntry.Reports.Tests;

public sealed class ReportFontsTests
{
    [Fact]
    public void The_embedded_fonts_have_every_glyph_the_chart_can_need()
    {
        var texts = CountryDirectory.Default.Countries.Select(country => country.NameIn("en"))
            .Append("Other countries").Append("Delegations facilitated per month, November 2024 – October 2026").Append("0123456789");

        foreach (var typeface in new[] { ReportFonts.Regular, ReportFonts.Bold })
        {
            Assert.All(texts, text => Assert.True(typeface.ContainsGlyphs(text), $"{typeface.FamilyName} lacks a glyph of \"{text}\""));
        }
    }
}
