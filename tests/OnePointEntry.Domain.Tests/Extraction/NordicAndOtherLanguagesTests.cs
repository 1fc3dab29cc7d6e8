using OnePointEntry.Extraction;

namespace OnePointEntry.Domain.Tests.Extraction;

/// <summary>
/// Finnish, Norwegian (Bokmål), Italian, Indonesian/Malay and Thai enquiries: the themes, sizes and dates their own
/// words give (all from the data in <c>themes.json</c>, <c>theme-cues.json</c> and <c>extraction-cues.json</c>).
/// </summary>
public sealed class NordicAndOtherLanguagesTests
{
    private static readonly DateTimeOffset s_sent = new(2026, 2, 10, 9, 0, 0, TimeSpan.FromHours(1));

    private static ExtractedEnquiry Extract(string text, string? subject = null) =>
        EnquiryExtractor.Default.Extract(new MailContent
        {
            Text = text,
            Subject = subject,
            FromAddress = "someone@example.org",
            SentAt = s_sent,
        });

    [Theory]
    [InlineData("fi", "Hei! Kaupunkimme ympäristöpalvelut suunnittelee opintomatkaa. Haluaisimme tutustua kaukolämmön ja tuulivoiman ratkaisuihin.", "energy-climate")]
    [InlineData("fi", "Hyvä vastaanottaja, olemme kiinnostuneita vanhustenhoidosta ja kotihoidon järjestämisestä Tanskassa. Kiitos jo etukäteen.", "welfare-eldercare")]
    [InlineData("fi", "Ryhmämme haluaisi oppia, miten Kööpenhamina on kehittänyt joukkoliikennettä ja pyöräilyä.", "infrastructure-mobility")]
    [InlineData("no", "Hei! Vi er en gruppe fra kommunen vår og ønsker å lære mer om eldreomsorg og velferdsteknologi. Vi vil gjerne besøke et sykehjem.", "welfare-eldercare")]
    [InlineData("no", "Hei, vi vil gjerne høre mer om hvordan dere jobber med overvann og avløpsvann i byen. Det er mye vi kan lære av dere.", "water-environment")]
    [InlineData("it", "Gentili signori, la nostra delegazione vorrebbe conoscere il sistema di teleriscaldamento e le pompe di calore della città. Cordiali saluti.", "energy-climate")]
    [InlineData("it", "Siamo un gruppo di imprenditori del settore e vorremmo approfondire la logistica portuale e il trasporto marittimo. Grazie per la disponibilità.", "maritime-logistics")]
    [InlineData("id", "Dengan hormat, kami ingin mempelajari pengelolaan sampah dan daur ulang di Kopenhagen. Terima kasih atas perhatian Bapak/Ibu.", "water-environment")]
    [InlineData("id", "Delegasi kami tertarik untuk belajar tentang perencanaan kota dan ruang publik yang ramah pejalan kaki.", "sustainable-urban-development")]
    [InlineData("th", "เรียน ท่านผู้เกี่ยวข้อง คณะของเราสนใจศึกษาดูงาน ด้านการดูแลผู้สูงอายุ และระบบบริการสุขภาพ ของเดนมาร์ก", "welfare-eldercare")]
    [InlineData("th", "คณะผู้บริหารเทศบาลต้องการเรียนรู้ เรื่องพลังงานหมุนเวียน และการจัดการขยะ ของโคเปนเฮเกน", "energy-climate")]
    public void Own_words_give_the_theme(string language, string text, string theme)
    {
        var result = Extract(text);

        Assert.Equal(language, result.Language);
        Assert.Contains(theme, result.Themes);
    }

    [Theory]
    [InlineData("Meitä tulee 9 henkilöä, pääosin kaupungin virkamiehiä.", 9)]
    [InlineData("Matkalle osallistuu kaksitoista luottamushenkilöä ja virkamiestä, joten meitä on yhteensä 14.", 14)]
    [InlineData("Vi blir tolv deltakere fra fylkeskommunen, og vi kommer med fly.", 12)]
    [InlineData("La nostra delegazione è composta da otto persone del Comune.", 8)]
    [InlineData("Alla fine saremo in 11, tra consiglieri e tecnici.", 11)]
    [InlineData("Delegasi kami berjumlah 15 orang dari pemerintah kota.", 15)]
    [InlineData("Rombongan terdiri dari tujuh peserta dari dinas lingkungan hidup.", 7)]
    [InlineData("คณะศึกษาดูงานมีจำนวน 12 คน ประกอบด้วยผู้บริหารและเจ้าหน้าที่", 12)]
    public void Delegation_size_is_read(string text, int expected)
    {
        Assert.Equal(expected, Extract(text).DelegationSize);
    }

    [Theory]
    [InlineData("Meitä tulee noin 20 henkilöä.")]
    [InlineData("Kami akan datang sekitar 20 orang.")]
    [InlineData("Saremo circa 15 persone.")]
    public void Approximate_sizes_are_left_to_a_person(string text)
    {
        Assert.Null(Extract(text).DelegationSize);
    }

    [Theory]
    [InlineData("Haluaisimme vierailla Kööpenhaminassa 3.–5. kesäkuuta 2026.", "2026-06-03", "2026-06-05")]
    [InlineData("Vi planlegger å besøke København 14.–16. desember 2026.", "2026-12-14", "2026-12-16")]
    [InlineData("Vorremmo visitare Copenaghen dal 3 al 5 maggio 2026.", "2026-05-03", "2026-05-05")]
    [InlineData("Kunjungan direncanakan pada tanggal 3 – 5 Agustus 2026 di Kopenhagen.", "2026-08-03", "2026-08-05")]
    [InlineData("คณะจะเดินทางไปโคเปนเฮเกน ระหว่างวันที่ 3 - 5 มิถุนายน 2026", "2026-06-03", "2026-06-05")]
    public void Date_ranges_are_read(string text, string arrival, string departure)
    {
        var result = Extract(text);

        Assert.Equal(DateOnly.Parse(arrival, System.Globalization.CultureInfo.InvariantCulture), result.ArrivalDate);
        Assert.Equal(DateOnly.Parse(departure, System.Globalization.CultureInfo.InvariantCulture), result.DepartureDate);
    }

    [Fact]
    public void A_topic_left_out_in_Italian_does_not_count()
    {
        var result = Extract("Vorremmo conoscere il teleriscaldamento di Copenaghen. Non siamo interessati al porto né alla logistica portuale.");

        Assert.Contains("energy-climate", result.Themes);
        Assert.DoesNotContain("maritime-logistics", result.Themes);
    }
}
