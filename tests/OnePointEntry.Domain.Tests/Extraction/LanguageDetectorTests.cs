using OnePointEntry.Extraction;

namespace OnePointEntry.Domain.Tests.Extraction;

public sealed class LanguageDetectorTests
{
    private static string? Detect(string text) => LanguageDetector.Default.Detect(text);

    [Theory]
    [InlineData("Hyvä vastaanottaja, olemme Tampereen kaupungin delegaatio ja haluaisimme vierailla Kööpenhaminassa syyskuussa. Ryhmässämme on 12 henkilöä, ja olemme kiinnostuneita kaukolämmöstä. Ystävällisin terveisin, Matti Virtanen")]
    [InlineData("Hei! Olemme ryhmä Turusta (Åbo) ja haluaisimme tutustua Kööpenhaminan pyöräilyyn lokakuussa. Kiitos jo etukäteen, terveisin Liisa")]
    [InlineData("Hei, voisimme tulla tammikuussa. Onko teillä aikaa?")]
    public void Finnish_is_finnish(string text)
    {
        Assert.Equal("fi", Detect(text));
    }

    [Theory]
    [InlineData("Hej, vi är en grupp från Changchun som vill besöka Danmark och träffa någon inom vården.")]
    [InlineData("Vi är intresserade av att träffa någon som arbetar med fjärrvärme.")]
    [InlineData("Hej! Vi är en grupp tjänstemän från Esbo stad i Finland och skulle gärna vilja besöka Köpenhamn i maj för att lära oss om cykeltrafik. Med vänlig hälsning, Anna Järvinen, Järvenpää")]
    [InlineData("Hej, vi är en delegation från Ålands landskapsregering i Mariehamn och vill gärna besöka er i september.")]
    public void Swedish_also_of_finland_stays_swedish(string text)
    {
        Assert.Equal("sv", Detect(text));
    }

    [Fact]
    public void Estonian_is_not_finnish()
    {
        Assert.NotEqual("fi", Detect("Tere! Oleme Tartu linnavalitsuse delegatsioon ja soovime külastada Kopenhaagenit septembris, et tutvuda jäätmekäitlusega. Meie grupis on kümme inimest ja kõik on väga huvitatud. Lugupidamisega, Mari Tamm"));
    }

    [Theory]
    [InlineData("Dear team, my name is Päivi Jääskeläinen and I work for the city of Hämeenlinna. We would like to visit Copenhagen with a group of 12 people in September to learn about district heating. Best regards, Päivi Jääskeläinen")]
    [InlineData("Meeting request: green building tour")]
    [InlineData("Hi, this is Dan from the Jakarta office. We are planning a study trip to Copenhagen in May and would like to meet the city's planners. Kind regards, Dan Smith, สมชาย ใจดี")]
    public void English_with_foreign_names_stays_english(string text)
    {
        Assert.Equal("en", Detect(text));
    }

    [Theory]
    [InlineData("เรียน One-Point Entry\nคณะผู้แทนจากเทศบาลนครเชียงใหม่ จำนวน 15 คน มีความประสงค์จะเยี่ยมชมโคเปนเฮเกนในเดือนกันยายน เพื่อศึกษาเรื่องการจัดการขยะ\nWe would like to visit Copenhagen in September to learn about waste management.\nขอแสดงความนับถือ")]
    [InlineData("คณะศึกษาดูงานจากกรุงเทพมหานครขอเข้าเยี่ยมชมระบบขนส่งสาธารณะ")]
    public void Thai_is_told_by_its_script(string text)
    {
        Assert.Equal("th", Detect(text));
    }

    [Theory]
    [InlineData("Hei! Vi er en delegasjon fra Stavanger kommune og vil gjerne besøke København i mai for å lære mer om fjernvarme. Kan dere hjelpe oss med å finne noen å møte? Med vennlig hilsen Kari Nordmann")]
    [InlineData("Kjære One-Point Entry, kommunen vår ønsker å sende en gruppe på 10 personer til København. Hva kan dere tilby? Vi vil gjerne møte noen som jobber med sykkelveier.")]
    public void Norwegian_is_norwegian(string text)
    {
        Assert.Equal("no", Detect(text));
    }

    [Theory]
    [InlineData("Kære One-Point Entry, vi er et incoming-bureau i Aarhus og står for en studietur for en gruppe fra Stavanger-regionen i Norge. Gruppen vil gerne høre om fjernvarme og hvordan havneområder er blevet omdannet. Med venlig hilsen Mette")]
    [InlineData("Hej, vi har en norsk gruppe fra Bergen kommune på besøg i maj. De vil gerne se Nordhavn og høre om hvordan vi arbejder med klimatilpasning. Kan I hjælpe os?")]
    [InlineData("Vi vil gerne besøge jer")]
    [InlineData("Jeg skal møte dem fra Oslo, og vi vil gerne vise dem havnen.")]
    [InlineData("Hva så, kan vi komme på tirsdag?")]
    public void Danish_stays_danish(string text)
    {
        Assert.Equal("da", Detect(text));
    }

    [Theory]
    [InlineData("Dengan hormat, kami dari Pemerintah Kota Surabaya akan melakukan kunjungan kerja ke Kopenhagen pada bulan Oktober untuk mempelajari pengelolaan sampah. Terima kasih atas perhatian Bapak/Ibu.")]
    [InlineData("Kami dari Majlis Bandaraya Shah Alam ingin membuat lawatan ke Copenhagen pada bulan Mei untuk mempelajari pengurusan sisa dan tenaga hijau. Terima kasih.")]
    public void Indonesian_and_malay_are_indonesian(string text)
    {
        Assert.Equal("id", Detect(text));
    }

    [Theory]
    [InlineData("Wij zijn een delegatie uit Groningen en willen graag een bezoek brengen aan Kopenhagen.", "nl")]
    [InlineData("Wir sind eine Delegation aus München und würden gerne Kopenhagen besuchen.", "de")]
    [InlineData("Gostaríamos de visitar Copenhague com uma delegação de informações e inovações.", "pt")]
    public void The_other_latin_languages_keep_theirs(string text, string expected)
    {
        Assert.Equal(expected, Detect(text));
    }
}
