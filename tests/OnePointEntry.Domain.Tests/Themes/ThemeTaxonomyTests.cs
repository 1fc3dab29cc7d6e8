using OnePointEntry.Themes;

namespace OnePointEntry.Domain.Tests.Themes;

public sealed class ThemeTaxonomyTests
{
    private static readonly string[] s_displayLanguages = ["en", "da", "zh"];

    private static readonly ThemeTaxonomy s_small = new(
    [
        new Theme("maritime-logistics", new Dictionary<string, IReadOnlyList<string>> { ["en"] = ["port", "shipping"], ["da"] = ["havn*"], ["zh"] = ["港口"] }),
        new Theme("energy-climate", new Dictionary<string, IReadOnlyList<string>> { ["en"] = ["wind power", "district heating"], ["de"] = ["Wasserstoff*"] }),
    ]);

    [Theory]
    [InlineData("We want to visit the port of Copenhagen", "maritime-logistics")]
    [InlineData("Ports and shipping lines", "maritime-logistics")]
    [InlineData("besøg i Københavns Havn og havnebadet", "maritime-logistics")]
    [InlineData("参观哥本哈根港口", "maritime-logistics")]
    [InlineData("WIND POWER and District-Heating", "energy-climate")]
    [InlineData("Wind  power", "energy-climate")]
    [InlineData("visit a wind\r\npower plant", "energy-climate")]
    [InlineData("Grüner Wasserstoffwirtschaft", "energy-climate")]
    public void A_keyword_finds_its_theme(string text, string theme)
    {
        Assert.Equal([theme], s_small.Classify(text));
    }

    [Theory]
    [InlineData("Please report on your support for portfolio companies")]
    [InlineData("Windpower")]
    [InlineData("Shippingham")]
    [InlineData("")]
    public void A_keyword_inside_another_word_does_not_count(string text)
    {
        Assert.Empty(s_small.Classify(text));
    }

    [Theory]
    [InlineData("Study tour on mink farming and pelting", "fur-industry")]
    [InlineData("We would like to see pig farming and dairy production", "food-agriculture")]
    public void A_keyword_inside_a_longer_keyword_of_another_theme_does_not_count(string text, string theme)
    {
        Assert.Equal([theme], ThemeTaxonomy.Default.Classify(text));
    }

    [Fact]
    public void Themes_come_back_sorted_and_once()
    {
        Assert.Equal(["energy-climate", "maritime-logistics"], s_small.Classify("shipping, port, wind power, port"));
    }

    [Fact]
    public void The_taxonomy_has_exactly_the_fifteen_themes_of_the_contract()
    {
        string[] contract =
        [
            "sustainable-urban-development", "infrastructure-mobility", "science-clusters", "life-science-medtech",
            "energy-climate", "water-environment", "food-agriculture", "fur-industry", "digital-tech",
            "education-research", "welfare-eldercare", "investment-trade", "tourism-culture", "maritime-logistics",
            "public-governance",
        ];

        Assert.Equal(contract, ThemeTaxonomy.Default.Themes.Select(theme => theme.Id));
        Assert.All(ThemeTaxonomy.Default.Themes, theme =>
        {
            foreach (var language in s_displayLanguages)
            {
                Assert.True(theme.Keywords.TryGetValue(language, out var words) && words.Count > 0, $"{theme.Id} has no {language} keywords");
            }
        });
    }

    [Fact]
    public void Every_shipped_theme_has_a_distinct_name_in_english_danish_and_chinese_for_the_web_form()
    {
        foreach (var language in s_displayLanguages)
        {
            Assert.All(ThemeTaxonomy.Default.Themes, theme =>
                Assert.True(theme.Names is not null && theme.Names.TryGetValue(language, out var name) && !string.IsNullOrWhiteSpace(name), $"{theme.Id} has no {language} name"));
            var names = ThemeTaxonomy.Default.Themes.Select(theme => theme.NameIn(language)).ToList();
            Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }

        Assert.Equal("毛皮产业", ThemeTaxonomy.Default.Themes.Single(theme => theme.Id == "fur-industry").NameIn("zh"));
    }

    [Fact]
    public void A_theme_without_a_name_in_a_language_is_shown_by_its_english_name_or_else_its_id()
    {
        var named = new Theme("fur-industry", new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, string> { ["en"] = "Fur industry" });
        var unnamed = new Theme("fur-industry", new Dictionary<string, IReadOnlyList<string>>());

        Assert.Equal("Fur industry", named.NameIn("sv"));
        Assert.Equal("fur-industry", unnamed.NameIn("da"));
    }

    [Theory]
    [InlineData("We are interested in smart city solutions and urban planning.", "sustainable-urban-development")]
    [InlineData("Vi vil gerne høre om fjernvarme og vindmøller.", "energy-climate")]
    [InlineData("我们希望了解污水处理和垃圾分类。", "water-environment")]
    [InlineData("The delegation wants to learn about elderly care.", "welfare-eldercare")]
    [InlineData("我们对医疗器械和生物医药很感兴趣", "life-science-medtech")]
    [InlineData("Besøg hos Kopenhagen Fur og pelsauktion", "fur-industry")]
    [InlineData("Klimatilpasning og skybrudssikring", "energy-climate")]
    public void The_shipped_keywords_find_the_themes_of_the_taxonomys_examples(string text, string theme)
    {
        Assert.Contains(theme, ThemeTaxonomy.Default.Classify(text));
    }

    [Theory]
    // Japanese: kanji and kana match inside the sentence, particles and all.
    [InlineData("介護と地域包括ケアの取り組みを視察したいと考えております。", "welfare-eldercare")]
    [InlineData("洋上風力と地域熱供給について学びたい。", "energy-climate")]
    [InlineData("下水処理場と廃棄物の処理施設を見学したい。", "water-environment")]
    [InlineData("スマートシティと都市計画に関心があります。", "sustainable-urban-development")]
    [InlineData("港湾と物流の現場を訪問したい。", "maritime-logistics")]
    [InlineData("医療機器メーカーとの意見交換を希望します。", "life-science-medtech")]
    // Korean
    [InlineData("노인 돌봄과 요양 시설을 방문하고 싶습니다.", "welfare-eldercare")]
    [InlineData("해상풍력과 지역난방에 관심이 많습니다.", "energy-climate")]
    [InlineData("스마트시티와 도시계획 사례를 배우고자 합니다.", "sustainable-urban-development")]
    [InlineData("대중교통과 자전거 정책을 알고 싶습니다.", "infrastructure-mobility")]
    [InlineData("덴마크 기업의 투자 유치 전략", "investment-trade")]
    // Vietnamese, with tone marks
    [InlineData("Đoàn muốn tìm hiểu về chăn nuôi bò sữa và nông nghiệp công nghệ cao.", "food-agriculture")]
    [InlineData("Chúng tôi quan tâm đến xử lý nước thải và rác thải.", "water-environment")]
    [InlineData("Kinh nghiệm phát triển điện gió ngoài khơi và năng lượng tái tạo.", "energy-climate")]
    [InlineData("Hợp tác giáo dục đại học và trao đổi sinh viên.", "education-research")]
    [InlineData("Kinh nghiệm quy hoạch đô thị của Copenhagen.", "sustainable-urban-development")]
    // Spanish
    [InlineData("Nos interesa conocer la calefacción urbana y las energías renovables.", "energy-climate")]
    [InlineData("Visita a una planta de tratamiento de aguas residuales.", "water-environment")]
    [InlineData("Queremos aprender sobre el cuidado de personas mayores.", "welfare-eldercare")]
    [InlineData("La delegación quiere conocer parques tecnológicos daneses.", "science-clusters")]
    // Portuguese (Brazil)
    [InlineData("Gostaríamos de conhecer experiências de planejamento urbano e cidades inteligentes.", "sustainable-urban-development")]
    [InlineData("Interesse em agronegócio e pecuária leiteira.", "food-agriculture")]
    [InlineData("Reunião sobre atração de investimentos e comércio exterior.", "investment-trade")]
    // Polish: inflected forms
    [InlineData("Chcielibyśmy poznać rozwiązania w zakresie ciepłownictwa i pomp ciepła.", "energy-climate")]
    [InlineData("Interesuje nas gospodarka odpadami i oczyszczalnia ścieków.", "water-environment")]
    [InlineData("Wizyta studyjna dotycząca infrastruktury rowerowej i transportu publicznego.", "infrastructure-mobility")]
    [InlineData("Spotkanie w porcie i w centrum logistycznym.", "maritime-logistics")]
    // Dutch compounds
    [InlineData("Wij willen graag meer weten over warmtenetten.", "energy-climate")]
    [InlineData("Een werkbezoek over fietsparkeren en fietssnelwegen.", "infrastructure-mobility")]
    [InlineData("Interesse in ouderenzorg en thuiszorg.", "welfare-eldercare")]
    // German compounds
    [InlineData("Besichtigung einer Abwasserbehandlungsanlage", "water-environment")]
    [InlineData("Fachgespräch zur Kreislaufwirtschaft", "water-environment")]
    [InlineData("Wärmepumpen und Fernwärmenetze in Dänemark", "energy-climate")]
    [InlineData("Radverkehrsplanung in Kopenhagen", "infrastructure-mobility")]
    // Swedish
    [InlineData("Vi vill gärna studera avfallshantering och avloppsrening.", "water-environment")]
    [InlineData("Studiebesök om hemsjukvård och äldreomsorg.", "welfare-eldercare")]
    // French
    [InlineData("Nous souhaitons découvrir les réseaux de chaleur et l'éolien en mer.", "energy-climate")]
    [InlineData("La délégation s'intéresse à la gestion des déchets.", "water-environment")]
    [InlineData("Échanges sur la ville durable et l'urbanisme.", "sustainable-urban-development")]
    // Traditional Chinese
    [InlineData("我們希望了解醫療器械產業。", "life-science-medtech")]
    [InlineData("參觀養老機構與長照服務", "welfare-eldercare")]
    [InlineData("風電與碳中和的經驗", "energy-climate")]
    [InlineData("數字化轉型與人工智慧應用", "digital-tech")]
    [InlineData("半導體與晶片產業", "digital-tech")]
    public void The_shipped_keywords_find_themes_in_the_languages_delegations_write(string text, string theme)
    {
        Assert.Contains(theme, ThemeTaxonomy.Default.Classify(text));
    }

    [Theory]
    [InlineData("行政視察として貴市を訪問し、市長を表敬訪問したいと存じます。よろしくお願いいたします。")]
    [InlineData("한-덴마크 양자 협력을 위해 방문합니다. 신청 양식과 교통편, 시간 제약을 알려 주십시오. 참가자 수의 변경이 있습니다.")]
    [InlineData("Công ty TNHH Thương mại và Dịch vụ ABC. Đoàn đến sân bay Kastrup, trân trọng cảm ơn.")]
    [InlineData("Somos de Puerto Rico y queremos reunirnos con el alcalde. Saludos cordiales.")]
    [InlineData("Somos de Porto Alegre e gostaríamos de uma reunião com o prefeito. Atenciosamente.")]
    [InlineData("Dziękujemy za ciepłe przyjęcie. Kolejny termin ustalimy z kolei później. Powodzenia!")]
    [InlineData("Wij zorgen voor het vervoer; dat was de verkeerde datum. Met vriendelijke groet.")]
    [InlineData("Nous souhaitons rencontrer le maire au milieu de la semaine. Cordialement.")]
    [InlineData("Mit freundlichen Grüßen, Thomas Müller. Hinweise zum Datenschutz finden Sie auf unserer Webseite.")]
    [InlineData("Vi vill gärna träffa kommunstyrelsens ordförande. Med vänliga hälsningar.")]
    [InlineData("我們希望拜會市長並簽署友好城市協議，增進人民福祉。")]
    public void An_unrelated_sentence_in_a_new_language_finds_no_theme(string text)
    {
        Assert.Empty(ThemeTaxonomy.Default.Classify(text));
    }

    [Fact]
    public void Meeting_a_mayor_or_signing_a_friendship_agreement_is_not_a_theme()
    {
        Assert.Empty(ThemeTaxonomy.Default.Classify("The vice mayor would like to meet the mayor and sign a friendship agreement."));
    }
}
