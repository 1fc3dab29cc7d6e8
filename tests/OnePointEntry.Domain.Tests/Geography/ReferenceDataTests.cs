using System.Globalization;
using System.Text;
using OnePointEntry.Extraction;
using OnePointEntry.Geography;

namespace OnePointEntry.Domain.Tests.Geography;

/// <summary>
/// The reference data the extractor relies on (regions, cities, municipalities, sector cues) loads, is complete where
/// the team needs it to be, and holds no clashes.
/// </summary>
public sealed class ReferenceDataTests
{
    private static readonly string[] s_chineseProvinces =
    [
        "Anhui", "Beijing", "Chongqing", "Fujian", "Gansu", "Guangdong", "Guangxi", "Guizhou", "Hainan", "Hebei", "Heilongjiang",
        "Henan", "Hubei", "Hunan", "Inner Mongolia", "Jiangsu", "Jiangxi", "Jilin", "Liaoning", "Ningxia", "Qinghai", "Shaanxi",
        "Shandong", "Shanghai", "Shanxi", "Sichuan", "Tianjin", "Tibet", "Xinjiang", "Yunnan", "Zhejiang",
    ];

    private static readonly string[] s_sectors = ["public", "private", "academic", "other"];
    private static readonly string[] s_levels = ["national", "provincial", "municipal"];

    private static List<RegionEntry> Regions() => ReferenceData.Read<List<RegionEntry>>("regions.json");

    private static List<Municipality> Municipalities() => ReferenceData.Read<List<Municipality>>("municipalities.json");

    private static List<SectorCue> Cues() => ReferenceData.Read<SectorCueFile>("sector-cues.json").Cues;

    [Fact]
    public void Every_chinese_province_has_its_name_in_simplified_and_traditional_characters()
    {
        var chinese = Regions().Where(r => r.Country == "CN").ToDictionary(r => r.Name);

        Assert.Equal(s_chineseProvinces.Order(), chinese.Keys.Order());
        Assert.All(chinese.Values, region =>
        {
            var han = region.Aliases.Where(a => a.Any(TextKind.IsHan)).ToList();
            Assert.True(han.Count >= 2, $"{region.Name} has no name in characters");
            // Provinces whose name is written the same in both scripts (河北, 上海) need only one form.
            Assert.Contains(han, a => a.EndsWith('省') || a.EndsWith('市') || a.Contains("自治区", StringComparison.Ordinal));
        });
        Assert.Contains("廣東省", chinese["Guangdong"].Aliases);
        Assert.Contains("陝西省", chinese["Shaanxi"].Aliases);
        Assert.Contains("內蒙古自治區", chinese["Inner Mongolia"].Aliases);
    }

    [Theory]
    [InlineData("JP", 42)]
    [InlineData("KR", 8)]
    [InlineData("US", 48)]
    [InlineData("DE", 13)]
    [InlineData("IN", 30)]
    [InlineData("CA", 13)]
    [InlineData("BR", 23)]
    [InlineData("AU", 7)]
    [InlineData("FI", 19)]
    [InlineData("SE", 13)]
    [InlineData("NO", 14)]
    [InlineData("PL", 13)]
    [InlineData("NL", 9)]
    [InlineData("FR", 12)]
    [InlineData("ES", 17)]
    [InlineData("IT", 19)]
    [InlineData("GB", 4)]
    [InlineData("AT", 7)]
    [InlineData("CH", 12)]
    [InlineData("MX", 14)]
    public void The_first_level_divisions_of_the_countries_delegations_come_from_are_there(string country, int atLeast)
    {
        Assert.True(Regions().Count(r => r.Country == country) >= atLeast, $"{country}: {Regions().Count(r => r.Country == country)}");
    }

    [Fact]
    public void No_region_is_listed_twice_or_named_like_a_city_it_would_lift()
    {
        var regions = Regions();
        Assert.Equal(regions.Count, regions.Select(r => (r.Country, r.Name)).Distinct().Count());

        // A region named like a city of its country adds to that city whenever the city is named, even as another
        // stop ("flying out to Hamburg"); only China's municipalities, Japan's prefectures and New York are both.
        var cities = CityGazetteerData.All().Select(c => (c.Country, PlaceIndex.PlainName(c.Name))).ToHashSet();
        var lifting = regions
            .Where(r => r.Country is not ("CN" or "JP") && !(r.Country == "US" && r.Name == "New York") && cities.Contains((r.Country, r.Name)))
            .Select(r => r.Name)
            .ToList();
        Assert.Empty(lifting);
    }

    [Fact]
    public void Cities_lie_in_a_listed_region_of_their_country_where_it_has_regions_and_no_region_is_also_a_greater_copenhagen_place()
    {
        var regions = Regions();
        var listed = regions.Select(r => (r.Country, r.Name)).ToHashSet();
        var european = new[] { "FI", "SE", "NO", "PL", "NL", "FR", "ES", "IT", "GB", "AT", "MX" };
        var misplaced = CityGazetteerData.All()
            .Where(c => european.Contains(c.Country) && !listed.Contains((c.Country, c.Region)) && c.Region != PlaceIndex.PlainName(c.Name))
            .Select(c => $"{c.Name} ({c.Country}, {c.Region})")
            .ToList();
        // Regions named like a city (the city carries them), and those whose name is also a word, a person's name or
        // another country's province, are left out on purpose.
        var leftOut = new[] { "Limburg", "Utrecht", "Brittany", "Marche", "Łódź", "Lublin", "Chihuahua", "Västra Götaland", "Lisbon", "Porto" };
        Assert.DoesNotContain(misplaced, m => !leftOut.Any(r => m.EndsWith($", {r})", StringComparison.Ordinal)));

        var greaterCopenhagen = Municipalities().SelectMany(m => m.Forms.Prepend(m.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(regions.SelectMany(r => r.Aliases.Prepend(r.Name)), greaterCopenhagen.Contains);
    }

    [Fact]
    public void Every_chinese_city_lies_in_a_listed_province()
    {
        var regions = Regions().GroupBy(r => r.Country).ToDictionary(g => g.Key, g => g.Select(r => r.Name).ToHashSet());
        var cities = CityGazetteerData.All();

        var chinese = cities.Where(c => c.Country == "CN").ToList();
        Assert.True(chinese.Count >= 450, $"only {chinese.Count} Chinese cities");
        Assert.All(chinese, city => Assert.Contains(city.Region, regions["CN"]));
    }

    [Fact]
    public void Chinese_city_names_in_characters_come_in_traditional_characters_too()
    {
        var suzhou = CityGazetteerData.All().Single(c => c.Name == "Suzhou");
        var wuhu = CityGazetteerData.All().Single(c => c.Name == "Wuhu");

        Assert.Contains("蘇州", suzhou.Aliases);
        Assert.Contains("蕪湖市", wuhu.Aliases);
        Assert.Equal("Shenyang", CityGazetteer.Default.Find("瀋陽市", "CN")?.Name);
    }

    [Theory]
    [InlineData("Xiong'an", "Baoding")]
    [InlineData("雄安新区", "Baoding")]
    [InlineData("Pudong New Area", "Shanghai")]
    [InlineData("两江新区", "Chongqing")]
    [InlineData("Binhai New Area", "Tianjin")]
    [InlineData("横琴", "Zhuhai")]
    [InlineData("兰州新区", "Lanzhou")]
    [InlineData("Kunshan", "Kunshan")]
    [InlineData("义乌市", "Yiwu")]
    [InlineData("Zhangjiagang", "Zhangjiagang")]
    [InlineData("滕州市", "Tengzhou")]
    public void Districts_and_new_areas_give_the_parent_city_and_county_level_cities_are_known(string name, string city)
    {
        Assert.Equal(city, CityGazetteer.Default.Find(name, "CN")?.Name);
    }

    [Fact]
    public void Every_danish_municipality_and_region_is_there_and_the_swedish_referrers()
    {
        var all = Municipalities();
        var danish = all.Where(m => m.Country == "DK").ToList();

        Assert.Equal(98, danish.Count(m => m.Kind == "municipality"));
        Assert.Equal(5, danish.Count(m => m.Kind == "region"));
        Assert.Equal(33, all.Count(m => m.Country == "SE" && m.Kind == "municipality" && m.Region == "Skåne"));
        foreach (var name in new[] { "Skåne", "Halland", "Stockholm", "Västra Götaland" })
        {
            Assert.Contains(all, m => m.Country == "SE" && m.Kind == "region" && m.Name == name);
        }

        foreach (var name in new[] { "Stockholm", "Göteborg", "Malmö", "Uppsala", "Helsingborg", "Halmstad" })
        {
            Assert.Contains(all, m => m.Country == "SE" && m.Kind == "municipality" && m.Name == name);
        }

        Assert.Equal(all.Count, all.Select(m => (m.Country, m.Kind, m.Name)).Distinct().Count());
    }

    [Theory]
    [InlineData("Med venlig hilsen\nTaarnby Kommune", "Tårnby")]
    [InlineData("Hoeje-Taastrup Kommune", "Høje-Taastrup")]
    [InlineData("Lunds kommun", "Lund")]
    [InlineData("Malmö stad", "Malmö")]
    [InlineData("Göteborgs Stad", "Göteborg")]
    [InlineData("Västra Götalandsregionen", "Västra Götaland")]
    [InlineData("Region Halland", "Halland")]
    [InlineData("Region Midt", "Midtjylland")]
    [InlineData("Ringkøbing Skjern Kommune", "Ringkøbing-Skjern")]
    public void Municipalities_are_found_by_their_suffixed_and_transliterated_names(string text, string name)
    {
        var found = PlaceIndex.Default.Scan(text).SelectMany(m => m.Values).FirstOrDefault(p => p.Kind == PlaceKind.Municipality);

        Assert.Equal(name, found?.Name);
    }

    [Fact]
    public void Every_sector_cue_names_a_known_sector_or_level_and_none_is_listed_twice()
    {
        var cues = Cues();

        Assert.All(cues, cue =>
        {
            Assert.False(string.IsNullOrWhiteSpace(cue.Phrase));
            Assert.True(cue.Sector is null || s_sectors.Contains(cue.Sector), cue.Phrase);
            Assert.True(cue.Level is null || s_levels.Contains(cue.Level), cue.Phrase);
            Assert.True(cue.Sector is not null || cue.Level is not null, cue.Phrase);
            Assert.True(cue.Level is null || cue.Sector is null or "public", cue.Phrase);
        });
        var twice = cues.GroupBy(c => c.Phrase.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(twice);
    }

    [Theory]
    [InlineData("国家发展和改革委員會", "public", "national")]
    [InlineData("廣東省商務廳", "public", "provincial")]
    [InlineData("臺中市政府", "public", "municipal")]
    [InlineData("國立臺灣大學", "academic", null)]
    [InlineData("長野県庁 環境部 ゼロカーボン推進課", "public", "provincial")]
    [InlineData("松山市役所 企画戦略部", "public", "municipal")]
    [InlineData("株式会社中部デイリーフーズ 海外事業部", "private", null)]
    [InlineData("経済産業省", "public", "national")]
    [InlineData("수원시청 국제협력과", "public", "municipal")]
    [InlineData("전라남도청 해상풍력산업과", "public", "provincial")]
    [InlineData("산업통상자원부", "public", "national")]
    [InlineData("서울대학교", "academic", null)]
    [InlineData("삼성전자 주식회사", "private", null)]
    [InlineData("Prefeitura de Curitiba", "public", "municipal")]
    [InlineData("Ayuntamiento de Barcelona", "public", "municipal")]
    [InlineData("Gobierno Regional de Arequipa", "public", "provincial")]
    [InlineData("Universidade de São Paulo", "academic", null)]
    [InlineData("Mairie de Lyon", "public", "municipal")]
    [InlineData("Ủy ban nhân dân tỉnh Quảng Ninh", "public", "provincial")]
    [InlineData("Bộ trưởng Bộ Công Thương", "public", "national")]
    [InlineData("Công ty TNHH Vinamilk", "private", null)]
    [InlineData("Bayerisches Staatsministerium für Wirtschaft", "public", "provincial")]
    [InlineData("Bundeswirtschaftsministerium", "public", "national")]
    [InlineData("Office of the Governor of Ohio", "public", "provincial")]
    [InlineData("Port Authority of Valencia", "public", "municipal")]
    [InlineData("中国国际电视台", "other", null)]
    [InlineData("深圳市慈善基金会", "other", null)]
    public void Cue_words_in_the_delegations_languages_give_sector_and_level(string organisation, string sector, string? level)
    {
        var result = SectorClassifier.Default.Classify(organisation, null);

        Assert.Equal((sector, level), (result?.Sector, result?.Level));
    }
}
