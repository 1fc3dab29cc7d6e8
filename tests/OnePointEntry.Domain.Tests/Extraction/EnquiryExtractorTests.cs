using OnePointEntry.Extraction;

namespace OnePointEntry.Domain.Tests.Extraction;

public sealed class EnquiryExtractorTests
{
    private static readonly DateTimeOffset s_sent = new(2026, 2, 10, 9, 0, 0, TimeSpan.FromHours(1));

    private static ExtractedEnquiry Extract(string text, string? subject = null, string from = "someone@example.cn", DateTimeOffset? sent = null) =>
        EnquiryExtractor.Default.Extract(new MailContent
        {
            Text = text,
            Subject = subject,
            FromAddress = from,
            SentAt = sent ?? s_sent,
        });

    [Fact]
    public void Chinese_enquiry_gives_city_region_size_and_date_range()
    {
        var result = Extract("您好！宿州市商务局拟派代表团于3月10日至12日访问丹麦，一行五人，希望了解现代农业和食品加工。");

        Assert.Equal("zh", result.Language);
        Assert.Equal("CN", result.Country);
        Assert.Equal("Suzhou", result.City);
        Assert.Equal("Anhui", result.Region);
        Assert.Equal("public", result.Sector);
        Assert.Equal("municipal", result.Level);
        Assert.Equal(5, result.DelegationSize);
        Assert.Equal(new DateOnly(2026, 3, 10), result.ArrivalDate);
        Assert.Equal(new DateOnly(2026, 3, 12), result.DepartureDate);
        Assert.Contains("food-agriculture", result.Themes);
    }

    [Theory]
    [InlineData("代表团一行十二名官员将访问丹麦。", 12)]
    [InlineData("The delegation of twelve officials will visit Copenhagen.", 12)]
    [InlineData("Delegationen består af otte personer.", 8)]
    [InlineData("Delegationen består av åtta personer.", 8)]
    [InlineData("Vier Wissenschaftler unseres Instituts kommen nach Kopenhagen.", 4)]
    [InlineData("We are a 7-person delegation from Harbin.", 7)]
    [InlineData("9 students and 2 professors (11 participants in total) will come.", 11)]
    [InlineData("We will be 14 – mostly planners, plus two staffers from the Mayor's office.", 14)]
    [InlineData("Vi er en gruppe fra byen og to medlemmer af byrådet. Vi bliver 9, og vi kommer med bus.", 9)]
    [InlineData("Finalmente seremos siete: el concejal y seis técnicos.", 7)]
    [InlineData("出访日期改为11月17日至19日，人数也由6人增加为7人。", 7)]
    [InlineData("Because of the budget the group of 9 people has been reduced to 6 people.", 6)]
    [InlineData("The Minister's office has trimmed the party, so we're now 8, not the 10–12 I first mentioned.", 8)]
    [InlineData("방문단은 시의원 3명과 공무원 5명, 총 8명입니다.", 8)]
    [InlineData("訪問団は職員6名と議員2名、計8名の予定です。", 8)]
    [InlineData("訪團成員包括教授4位及研究生3位，總共7位。", 7)]
    public void Delegation_size_is_read_in_every_language(string text, int expected)
    {
        Assert.Equal(expected, Extract(text).DelegationSize);
    }

    [Theory]
    [InlineData("We expect between 20 and 25 officials.")]
    [InlineData("The group will be 10-12 persons.")]
    [InlineData("Delegationen blir ett tiotal personer.")]
    [InlineData("Insgesamt rechnen wir mit rund 20 Personen.")]
    [InlineData("We expect a group of about 15 people.")]
    [InlineData("代表团约20人。")]
    [InlineData("人数は8名程度を予定しております。")]
    [InlineData("방문단은 20명 정도입니다.")]
    [InlineData("We will be 12 people or so.")]
    [InlineData("La delegación estará integrada por entre 10 y 12 personas.")]
    [InlineData("A comitiva terá de 8 a 10 pessoas.")]
    public void A_range_or_vague_count_gives_no_size(string text)
    {
        Assert.Null(Extract(text).DelegationSize);
    }

    [Fact]
    public void A_replys_updated_number_wins_over_the_quoted_original()
    {
        var text = "Dear Anna,\nThe delegation has grown: we will now be 9 people.\n\n-----Original Message-----\nFrom: Li Wei <li@example.cn>\nSent: Monday, February 2, 2026 9:05 AM\nSubject: Visit\n\nDear One-Point Entry,\nSix officials from Harbin Municipal Government will visit Denmark on 12 May 2026.";

        var result = Extract(text);

        Assert.Equal(9, result.DelegationSize);
        Assert.Equal("Harbin", result.City);
        Assert.Equal(new DateOnly(2026, 5, 12), result.ArrivalDate);
    }

    [Theory]
    [InlineData("Vi kommer den 10. marts og rejser 12. marts.", "2026-03-10", "2026-03-12")]
    [InlineData("Wir sind vom 10. bis 12. März 2026 in Kopenhagen.", "2026-03-10", "2026-03-12")]
    [InlineData("We will be in Copenhagen on March 10.", "2026-03-10", "2026-03-10")]
    [InlineData("The delegation stays in Denmark 10–12 March.", "2026-03-10", "2026-03-12")]
    [InlineData("代表团拟于2026年4月20日-22日访问丹麦。", "2026-04-20", "2026-04-22")]
    [InlineData("We visit Denmark from 28 February to 2 March 2026.", "2026-02-28", "2026-03-02")]
    public void Dates_are_read_in_every_language(string text, string arrival, string departure)
    {
        var result = Extract(text);

        Assert.Equal(DateOnly.Parse(arrival, System.Globalization.CultureInfo.InvariantCulture), result.ArrivalDate);
        Assert.Equal(DateOnly.Parse(departure, System.Globalization.CultureInfo.InvariantCulture), result.DepartureDate);
    }

    [Fact]
    public void A_date_without_a_year_is_its_next_occurrence_after_the_mail_was_sent()
    {
        var result = Extract("We will be in Copenhagen on 5 January.", sent: new DateTimeOffset(2025, 11, 20, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 1, 5), result.ArrivalDate);
    }

    [Fact]
    public void Us_senders_write_month_first()
    {
        var result = Extract("Our group from Boston visits Copenhagen 5/4/2026 - 5/6/2026.", sent: new DateTimeOffset(2026, 2, 9, 13, 0, 0, TimeSpan.FromHours(-5)));

        Assert.Equal(new DateOnly(2026, 5, 4), result.ArrivalDate);
        Assert.Equal(new DateOnly(2026, 5, 6), result.DepartureDate);
    }

    [Theory]
    [InlineData("The delegation visits Denmark in mid-May.")]
    [InlineData("Delegationen besøger Danmark i uge 19.")]
    [InlineData("代表团拟于2026年7月访问丹麦。")]
    public void A_month_or_week_gives_no_dates(string text)
    {
        var result = Extract(text);

        Assert.Null(result.ArrivalDate);
        Assert.Null(result.DepartureDate);
    }

    [Fact]
    public void A_forward_has_the_forwarded_enquirys_language_and_the_forwarding_municipality()
    {
        var text = "Hej OPE\n\nSe nedenstående henvendelse, vi har ikke kapacitet.\n\nMed venlig hilsen\nMette Hansen\nHøje-Taastrup Kommune\n\n"
            + "---------- Videresendt besked ----------\nFra: Wang Fang <wang@example.cn>\nDato: 2. feb. 2026\nEmne: Visit\nTil: kommunen@htk.example.dk\n\n"
            + "Dear Sir or Madam,\nThe Harbin Municipal Bureau of Commerce will send 6 officials to Denmark on 12 May 2026 to learn about district heating.";

        var result = Extract(text, "VS: Visit", "mette@htk.example.dk");

        Assert.Equal("en", result.Language);
        Assert.Equal("Høje-Taastrup", result.ReferredBy);
        Assert.Equal("Harbin", result.City);
        Assert.Equal("Heilongjiang", result.Region);
        Assert.Equal(6, result.DelegationSize);
        Assert.Contains("energy-climate", result.Themes);
    }

    [Theory]
    [InlineData("Med vänlig hälsning\nKarin Berg\nLunds kommun", "Lund")]
    [InlineData("Med vänlig hälsning\nKarin Berg\nMalmö stad", "Malmö")]
    [InlineData("Med vänlig hälsning\nKarin Berg\nRegion Skåne", "Skåne")]
    [InlineData("Med venlig hilsen\nKim Jensen\nKøbenhavns Kommune", "København")]
    public void The_referring_municipality_is_named_without_its_suffix(string signature, string expected)
    {
        var text = "Hej,\n\nVi har fått en förfrågan från en delegation från Harbin, 6 personer.\n\n" + signature;

        Assert.Equal(expected, Extract(text, from: "karin@example.se").ReferredBy);
    }

    [Fact]
    public void A_delegation_writing_directly_has_no_referral()
    {
        var result = Extract("Dear One-Point Entry,\nWe will meet Glostrup Kommune during our visit.\n\nBest regards\nLi Wei\nHarbin Municipal Government");

        Assert.Null(result.ReferredBy);
    }

    [Fact]
    public void Inner_Mongolia_is_a_chinese_region_not_Mongolia()
    {
        var result = Extract("The Department of Commerce of Inner Mongolia Autonomous Region will send a delegation.");

        Assert.Equal("CN", result.Country);
        Assert.Equal("Inner Mongolia", result.Region);
        Assert.Equal("provincial", result.Level);
        Assert.Null(result.City);
    }

    [Fact]
    public void Chinese_words_holding_a_country_name_are_not_that_country()
    {
        var result = Extract("我们是沿海地区的企业，员工中有朝鲜族。我们来自广东省的一家公司，代表团将访问丹麦。");

        Assert.Equal("CN", result.Country);
        Assert.Equal("Guangdong", result.Region);
    }

    [Fact]
    public void Porto_Alegre_is_not_Porto()
    {
        var result = Extract("Hello from Porto Alegre! Nine of us will visit Copenhagen.");

        Assert.Equal("BR", result.Country);
        Assert.Equal("Porto Alegre", result.City);
        Assert.Equal("Rio Grande do Sul", result.Region);
    }

    [Fact]
    public void Danish_Island_is_Iceland_but_English_island_is_not()
    {
        Assert.Equal("IS", Extract("Vi er en delegation fra Island med 5 personer og vil gerne besøge jer.").Country);
        Assert.NotEqual("IS", Extract("Island nations face rising seas; we are 5 people from Jakarta.").Country);
    }

    [Fact]
    public void A_city_that_is_only_another_stop_is_not_home()
    {
        var result = Extract("Our delegation from Chengdu will visit Copenhagen and then continue to Hamburg.");

        Assert.Equal("Chengdu", result.City);
        Assert.Equal("Sichuan", result.Region);
    }

    [Fact]
    public void A_development_zone_gives_its_city_and_a_municipal_government()
    {
        var result = Extract("天津市滨海新区是国家级新区。滨海新区人民政府拟组团访问丹麦，一行9人。");

        Assert.Equal("Tianjin", result.City);
        Assert.Equal("Tianjin", result.Region);
        Assert.Equal("municipal", result.Level);
    }

    [Fact]
    public void Swedish_enquiry_is_swedish()
    {
        Assert.Equal("sv", Extract("Hej, vi är en grupp från Changchun som vill besöka Danmark och träffa någon inom vården.").Language);
    }

    [Fact]
    public void Themes_are_sorted_and_without_duplicates()
    {
        var result = Extract("We want to learn about wind power, district heating, smart city planning and wind power again.");

        Assert.Equal(result.Themes.Order(StringComparer.Ordinal), result.Themes);
        Assert.Equal(result.Themes.Distinct(), result.Themes);
        Assert.Contains("energy-climate", result.Themes);
        Assert.Contains("sustainable-urban-development", result.Themes);
    }

    [Fact]
    public void The_writers_country_domain_is_the_home_country_where_the_words_name_no_place()
    {
        var result = Extract("Ministerstwo Klimatu i Środowiska planuje wizytę studyjną w Danii w dniach 8-9 czerwca 2026 r.", from: "katarzyna@klimat.example.gov.pl");

        Assert.Equal("PL", result.Country);
        Assert.Equal("public", result.Sector);
        Assert.Equal("national", result.Level);
        var country = Assert.Single(result.Evidence, e => e.Field == "country");
        Assert.Equal(MessagePart.SenderName, country.Part);
        Assert.Equal("klimat.example.gov.pl", country.Quote);
    }

    [Fact]
    public void A_government_domain_speaks_for_its_country_more_than_a_companys()
    {
        const string Text = "本署規劃於2027年9月率團赴荷蘭及丹麥考察長期照顧制度。\n（一）9月9日至12日：荷蘭阿姆斯特丹、烏特勒支\n（二）9月13日至15日：哥本哈根參訪";

        Assert.Equal("TW", Extract(Text, from: "yating@sfaa.example.gov.tw").Country);
        Assert.Null(Extract(Text, from: "yating@travel.example.com.tw").Country);
    }

    [Fact]
    public void A_country_domain_does_not_outweigh_a_place_the_words_name()
    {
        var result = Extract("Our municipal delegation from Xiamen, China would like to visit Copenhagen on 12 May 2026.", from: "agent@fjordincoming.example.no");

        Assert.Equal("CN", result.Country);
    }
}
