using OnePointEntry.Extraction;
using OnePointEntry.Themes;

namespace OnePointEntry.Domain.Tests.Themes;

/// <summary>A theme is what the delegation asks about: each rule of <see cref="ThemeReader"/>, with the case it keeps.</summary>
public sealed class ThemeReaderTests
{
    private static IReadOnlyList<string> Read(string text, string language, MessagePart part = MessagePart.OwnWords) =>
        [.. ThemeReader.Default.Read([new ThemeText(text, part, [language])]).Select(e => e.Value)];

    [Theory]
    [InlineData("We are not interested in tourism. We would like to learn about district heating.")]
    [InlineData("We would like to learn about district heating rather than tourism.")]
    [InlineData("Please leave out museums and tourism; we would like to learn about district heating.")]
    public void A_topic_the_delegation_leaves_out_is_not_a_theme(string text)
    {
        Assert.Equal(["energy-climate"], Read(text, "en"));
    }

    [Fact]
    public void A_topic_left_out_after_it_is_said_is_not_a_theme()
    {
        Assert.Equal(
            ["energy-climate"],
            Read("De vil gerne se fjernvarme. I kan måske møde spørgsmål om fødevarer undervejs, men det er ikke det, besøget handler om.", "da"));
    }

    [Fact]
    public void A_chinese_exclusion_leaves_the_topic_out()
    {
        Assert.Equal(["water-environment"], Read("本次考察重点是污水处理，不包括旅游。", "zh"));
        Assert.Equal(["tourism-culture", "water-environment"], Read("本次考察重点是污水处理和旅游。", "zh"));
    }

    [Fact]
    public void Not_only_is_no_negation()
    {
        Assert.Equal(["energy-climate", "tourism-culture"], Read("We would like to see not only district heating but also tourism projects.", "en"));
    }

    [Fact]
    public void The_senders_own_business_is_not_what_it_asks_about()
    {
        Assert.Equal(["welfare-eldercare"], Read("We are a shipping company from Linyi. We would like to visit nursing homes.", "en"));
        Assert.Equal(["welfare-eldercare"], Read("我们是山东临沂的华运物流集团。我们希望参观养老机构。", "zh"));
        Assert.Equal(["maritime-logistics", "welfare-eldercare"], Read("We would like to learn about shipping and visit nursing homes.", "en"));
    }

    [Fact]
    public void The_members_offices_are_not_the_topics()
    {
        Assert.Equal(
            ["energy-climate"],
            Read("Teilnehmen werden zehn Fachleute aus Stadtplanung und Umweltmanagement. Uns interessiert vor allem die Fernwärme.", "de"));
    }

    [Theory]
    [InlineData("Vi skal besøge Aarhus Havn og Aarhus Kommune, og vi vil gerne høre om fjernvarme.", "da")]
    [InlineData("Vi viser dem genbrugsstationen på Energivej en formiddag.", "da")]
    [InlineData("The group meets at the Maritime Museum, then would like to discuss district heating.", "en")]
    [InlineData("Hamburg: HafenCity, dann Fernwärme in Wilhelmsburg.", "de")]
    public void A_keyword_inside_a_name_of_a_place_or_an_office_is_not_a_theme(string text, string language)
    {
        var themes = Read(text, language);
        Assert.DoesNotContain("maritime-logistics", themes);
        Assert.DoesNotContain("tourism-culture", themes);
        Assert.False(text.Contains("Energivej", StringComparison.Ordinal) && themes.Contains("energy-climate"));
    }

    [Fact]
    public void A_street_name_is_not_a_theme_but_the_same_word_as_a_topic_is()
    {
        Assert.Equal(["water-environment"], Read("Vi viser dem genbrugsstationen på Energivej.", "da"));
        Assert.Equal(["energy-climate", "water-environment"], Read("Vi viser dem genbrugsstationen. De vil gerne høre om energiforsyning. Og om energibesparelser.", "da"));
    }

    [Fact]
    public void A_title_written_with_capitals_is_not_a_name()
    {
        Assert.Equal(
            ["energy-climate", "sustainable-urban-development"],
            Read("Study Trip: District Heating and Urban Planning", "en", MessagePart.Subject));
    }

    [Fact]
    public void An_office_named_after_a_topic_is_the_sender_not_the_topic()
    {
        Assert.Equal(["welfare-eldercare"], Read("厦门市物联网行业协会组团赴丹麦考察养老服务。", "zh"));
        Assert.Equal(["digital-tech", "welfare-eldercare"], Read("我们希望了解物联网和养老服务。", "zh"));
    }

    [Fact]
    public void An_address_line_names_no_topic()
    {
        Assert.Equal(
            ["welfare-eldercare"],
            Read("We would like to visit nursing homes.\n\nKim Lee\n32 Wind Turbine Road, Songdo\nTel. +82 32 123 4567", "en"));
    }

    [Fact]
    public void A_former_shipyard_is_a_place_not_shipping()
    {
        Assert.Equal(["sustainable-urban-development"], Read("We want to see how a former shipyard became a new urban district.", "en"));
    }

    [Fact]
    public void A_weak_word_alone_is_not_enough_but_two_sentences_are()
    {
        Assert.DoesNotContain("maritime-logistics", Read("We would like to see the bicycle bridges across the harbour.", "en"));
        Assert.DoesNotContain("public-governance", Read("三、丹麦实现碳中和目标的政策路径及地方政府的作用。", "zh"));
        Assert.Contains("public-governance", Read("我们关注地方政府的作用。也想了解地方政府如何组织。", "zh"));
    }

    [Fact]
    public void A_keyword_counts_only_in_a_text_in_its_own_language()
    {
        // Portuguese "leite" (milk) is German "ich leite" (I lead).
        Assert.DoesNotContain("food-agriculture", Read("Ich leite die Arbeitsgruppe Elektrolyse am Institut.", "de"));
        Assert.Contains("food-agriculture", Read("Queremos conhecer a produção de leite na Dinamarca.", "pt"));
    }

    [Fact]
    public void English_and_chinese_keywords_count_in_any_text()
    {
        Assert.Equal(["energy-climate"], Read("Vi vil gerne se district heating.", "da"));
        Assert.Equal(["water-environment"], Read("Wir möchten 污水处理 sehen.", "de"));
    }

    [Fact]
    public void The_evidence_is_the_request_not_the_first_mention()
    {
        var evidence = Assert.Single(ThemeReader.Default.Read(
            [new ThemeText("Our members are energy companies. We would like to learn about district heating.", MessagePart.OwnWords, ["en"])]));

        Assert.Equal("energy-climate", evidence.Value);
        Assert.Contains("district heating", evidence.Quote, StringComparison.Ordinal);
        Assert.Equal(MessagePart.OwnWords, evidence.Part);
    }

    [Fact]
    public void A_request_in_a_list_it_introduces_is_a_request()
    {
        var mentions = ThemeReader.Default.Weigh(
            [new ThemeText("Vi er en gruppe fra Flensborg.\nVi vil gerne høre om:\n- fjernvarme\n- byplanlægning", MessagePart.OwnWords, ["da"])]);

        Assert.All(mentions, m => Assert.EndsWith("request", m.Why, StringComparison.Ordinal));
        Assert.Equal(2, mentions.Count);
    }
}
