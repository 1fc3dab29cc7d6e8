using OnePointEntry.Extraction;

namespace OnePointEntry.Domain.Tests.Extraction;

public sealed class SectorClassifierTests
{
    [Theory]
    [InlineData("Shenzhen General Chamber of Commerce", "private", null)]
    [InlineData("Ministry of Ecology and Environment", "public", "national")]
    [InlineData("Zhejiang University", "academic", null)]
    [InlineData("Xinhua News Agency", "other", null)]
    [InlineData("辽阳市人民政府", "public", "municipal")]
    [InlineData("Pune Municipal Corporation", "public", "municipal")]
    [InlineData("Gemeente Groningen", "public", "municipal")]
    [InlineData("Provincie Noord-Brabant", "public", "provincial")]
    [InlineData("Urząd Marszałkowski Województwa Małopolskiego", "public", "provincial")]
    [InlineData("Tampereen kaupunki", "public", "municipal")]
    [InlineData("Minister for Energy, Queensland Government", "public", "provincial")]
    [InlineData("Gobierno de Jalisco", "public", "provincial")]
    [InlineData("Government of India", "public", "national")]
    [InlineData("Greater Chennai Corporation", "public", "municipal")]
    [InlineData("Shenzhen Energy Corporation", "private", null)]
    [InlineData("海南省旅游和文化广电体育厅", "public", "provincial")]
    [InlineData("中共长沙市委组织部", "public", "municipal")]
    [InlineData("深圳市康迈医疗器械有限公司", "private", null)]
    [InlineData("Liaoning Radio and Television", "other", null)]
    [InlineData("Suzhou Industrial Park Administrative Committee", "public", "municipal")]
    public void An_organisation_name_gives_sector_and_level(string organisation, string sector, string? level)
    {
        var result = SectorClassifier.Default.Classify(organisation, null);

        Assert.NotNull(result);
        Assert.Equal(sector, result.Sector);
        Assert.Equal(level, result.Level);
    }

    [Fact]
    public void A_danish_host_does_not_count_as_the_delegation()
    {
        var result = SectorClassifier.Default.Classify(null, "The Changwon City Hall officials want to meet Danish companies and a Danish university.");

        Assert.Equal("public", result?.Sector);
    }

    [Fact]
    public void Nothing_to_go_on_gives_null()
    {
        Assert.Null(SectorClassifier.Default.Classify(null, "Hello, we would like to visit."));
    }
}
