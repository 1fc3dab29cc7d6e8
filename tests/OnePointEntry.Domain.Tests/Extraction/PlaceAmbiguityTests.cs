using OnePointEntry.Extraction;

namespace OnePointEntry.Domain.Tests.Extraction;

/// <summary>
/// Place names that are also ordinary words, given names or streets are not read as places; names in the scripts
/// delegations write in are.
/// </summary>
public sealed class PlaceAmbiguityTests
{
    private static List<Place> Places(string text) => PlaceIndex.Default.Scan(text).SelectMany(m => m.Values).Where(p => p.Kind != PlaceKind.NotPlace).ToList();

    [Theory]
    [InlineData("Nice to meet you. Reading your mail, we think Mobile payment and a Sale of tickets are fine.")]
    [InlineData("Bath and Orange are words. Split the group; Male and female participants. Tours of the harbour. Luck matters. Como se dice.")]
    [InlineData("Port of call. Of course. Hu Jintao, He Lifeng, Wu Hong, Lu Wei and Ning Zhang will come.")]
    [InlineData("Contact: Ms. Wang Haiyang and Mr. Li Xinyi, Mr. Zhang Yongcheng, Ms. Chen Jian, Dr. Smith, MD, and Mt. Fuji, Ms. Li.")]
    [InlineData("Den Lille Havfrue. Medan vi väntar. Zum Essen. In der Halle nebenan.")]
    [InlineData("ABOUT US. Join us. Prices in US$. Co., Ltd, ca. 20 personer, or later, in Copenhagen, de gerne vil.")]
    [InlineData("Savannah, Charlotte, Madison, Virginia Beach? No: Savannah Jensen, Charlotte Holm, Madison Lee.")]
    [InlineData("Lille gruppe. Essen und Trinken. Brittany Jones, Nancy Lee and Victoria Smith. Marche à suivre.")]
    [InlineData("Mark, Vest, Nord, Syd, Øst og Bygd. Sala, Hamar, Reus and Prato. Centre for Cities.")]
    public void Ordinary_words_and_peoples_names_are_no_places(string text)
    {
        var places = Places(text).Where(p => p.Name is not "Virginia Beach").ToList();

        Assert.True(places.Count == 0, string.Join(", ", places.Select(p => $"{p.Kind} {p.Name}")));
    }

    [Theory]
    [InlineData("参加新兴城市论坛，推动新乡村建设，吃三明治，访问福田汽车，联系人：张昌平、吴大鹏、刘玉林。")]
    [InlineData("沿海城市的临港产业、包容城市、公安新闻、湖里面的金水道。")]
    [InlineData("和田さん、川崎さん、高松さんが参加します。")]
    [InlineData("说明登记表。阿森纳球迷。希恩先生和迪伦女士。奥兰治县和新英格兰地区。")]
    public void Chinese_words_and_names_that_hold_a_place_name_are_no_places(string text)
    {
        var places = Places(text);

        Assert.True(places.Count == 0, string.Join(", ", places.Select(p => $"{p.Kind} {p.Name}")));
    }

    [Theory]
    [InlineData("North Canton, OH", "North Canton", "US")]
    [InlineData("Canton, Ohio", "Canton", "US")]
    [InlineData("广州市", "Guangzhou", "CN")]
    [InlineData("經濟部 臺中市", "Taichung", "TW")]
    [InlineData("경기도 수원시청 국제협력과", "Suwon", "KR")]
    [InlineData("愛知県名古屋市中区", "Nagoya", "JP")]
    [InlineData("愛媛県松山市役所", "Matsuyama", "JP")]
    [InlineData("Delegation from Tengzhou, Shandong", "Tengzhou", "CN")]
    [InlineData("Vi är en grupp från Mariehamns stad", "Mariehamn", "FI")]
    [InlineData("Maarianhamina", "Mariehamn", "FI")]
    [InlineData("Czestochowa City Hall", "Częstochowa", "PL")]
    [InlineData("Kommune: Ålesund, Norway", "Ålesund", "NO")]
    [InlineData("Stadt Mülheim an der Ruhr", "Mülheim an der Ruhr", "DE")]
    [InlineData("Gemeente Apeldoorn", "Apeldoorn", "NL")]
    [InlineData("奥兰多市", "Orlando", "US")]
    public void Cities_are_found_in_every_script(string text, string city, string country)
    {
        var found = Places(text).FirstOrDefault(p => p.Kind == PlaceKind.City && p.Name == city);

        Assert.Equal(country, found?.Country);
    }

    [Theory]
    [InlineData("長野県 環境部", "Nagano", "JP")]
    [InlineData("전라남도청 해상풍력산업과", "South Jeolla", "KR")]
    [InlineData("Freistaat Bayern", "Bavaria", "DE")]
    [InlineData("Columbus, OH 43215", "Ohio", "US")]
    [InlineData("廣西壯族自治區", "Guangxi", "CN")]
    [InlineData("Queensland Government", "Queensland", "AU")]
    [InlineData("Rio Grande do Sul", "Rio Grande do Sul", "BR")]
    [InlineData("a delegation from Åland", "Åland", "FI")]
    [InlineData("Ahvenanmaan maakunta", "Åland", "FI")]
    [InlineData("Ålandsöarna", "Åland", "FI")]
    [InlineData("芬兰奥兰群岛", "Åland", "FI")]
    [InlineData("來自奧蘭的代表團", "Åland", "FI")]
    [InlineData("the state government of Jalisco", "Jalisco", "MX")]
    [InlineData("Gobierno del Estado de México", "State of Mexico", "MX")]
    [InlineData("Västerbottens län", "Västerbotten", "SE")]
    [InlineData("Møre og Romsdal fylkeskommune", "Møre og Romsdal", "NO")]
    [InlineData("Województwo małopolskie", "Lesser Poland", "PL")]
    [InlineData("Provincie Noord-Brabant", "North Brabant", "NL")]
    [InlineData("Generalitat de Catalunya", "Catalonia", "ES")]
    [InlineData("Région Centre-Val de Loire", "Centre-Val de Loire", "FR")]
    [InlineData("Land Oberösterreich", "Upper Austria", "AT")]
    [InlineData("Südtirol", "Trentino-South Tyrol", "IT")]
    [InlineData("Scottish Government", "Scotland", "GB")]
    [InlineData("伦巴第大区", "Lombardy", "IT")]
    public void Regions_are_found_in_every_script(string text, string region, string country)
    {
        Assert.Contains(Places(text), p => p.Kind == PlaceKind.Region && p.Name == region && p.Country == country);
    }

    [Theory]
    [InlineData("Limburg")]
    [InlineData("Georgia")]
    [InlineData("Victoria")]
    [InlineData("Centre")]
    [InlineData("Brittany")]
    [InlineData("Capital Region")]
    [InlineData("Region i Danmark")]
    [InlineData("Skåne")]
    [InlineData("Halland")]
    [InlineData("Stockholm")]
    [InlineData("Uppsala")]
    [InlineData("Paris region")]
    [InlineData("the Vasa Museum")]
    public void Names_shared_by_several_places_or_with_greater_copenhagen_are_no_foreign_region(string text)
    {
        var regions = Places(text).Where(p => p.Kind == PlaceKind.Region).ToList();

        Assert.True(regions.Count == 0, string.Join(", ", regions.Select(p => $"{p.Country} {p.Name}")));
    }

    [Theory]
    [InlineData("Mariehamn", "Åland")]
    [InlineData("Vantaa", "Uusimaa")]
    [InlineData("Bodø", "Nordland")]
    [InlineData("Tartu", "Tartu")]
    [InlineData("Gliwice", "Silesia")]
    [InlineData("Zapopan", "Jalisco")]
    [InlineData("Aix-en-Provence", "Provence-Alpes-Côte d'Azur")]
    public void A_city_gives_its_region(string text, string region)
    {
        Assert.Contains(Places(text), p => p.Kind == PlaceKind.City && p.Region == region);
    }

    [Theory]
    [InlineData("韓國", "KR")]
    [InlineData("대한민국", "KR")]
    [InlineData("日本", "JP")]
    [InlineData("Türkiye", "TR")]
    [InlineData("Việt Nam", "VN")]
    public void Countries_are_found_in_every_script(string text, string code)
    {
        Assert.Contains(Places(text), p => p.Kind == PlaceKind.Country && p.Country == code);
    }
}
