using System.Text;
using MimeKit;
using OnePointEntry.Extraction;
using OnePointEntry.Tool.Commands;

namespace OnePointEntry.Tool.Tests;

/// <summary>The sample mails shipped with the tool read as their README says.</summary>
public sealed class SampleMailTests
{
    private static readonly string s_samples = Path.Combine(AppContext.BaseDirectory, "SampleMail");

    [Theory]
    [InlineData("weihai-eldercare-smart-city.gb2312.eml", "zh", "CN", "Shandong", "Weihai", "public", "municipal", 8, "2027-04-13", "2027-04-15", "digital-tech sustainable-urban-development welfare-eldercare", null)]
    [InlineData("hoeje-taastrup-forwards-busan.eml", "en", "KR", "Busan", "Busan", "public", "municipal", 12, "2027-05-10", "2027-05-12", "energy-climate maritime-logistics water-environment", "Høje-Taastrup")]
    [InlineData("minnesota-medtech-association.eml", "en", "US", "Minnesota", "Minneapolis", "private", null, 14, "2027-06-07", "2027-06-10", "digital-tech investment-trade life-science-medtech science-clusters", null)]
    public void Each_sample_is_extracted_as_its_README_says(
        string file, string language, string country, string region, string city, string sector, string? level, int size, string arrival, string departure, string themes, string? referredBy)
    {
        var extracted = ExtractCommand.ExtractFile(Path.Combine(s_samples, file));

        Assert.Equal(
            (language, country, region, city, sector, level, (int?)size, DateOnly.Parse(arrival, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(departure, System.Globalization.CultureInfo.InvariantCulture), referredBy),
            (extracted.Language, extracted.Country, extracted.Region, extracted.City, extracted.Sector, extracted.Level, extracted.DelegationSize, extracted.ArrivalDate!.Value, extracted.DepartureDate!.Value, extracted.ReferredBy));
        Assert.Equal(themes.Split(' '), extracted.Themes);
    }

    [Fact]
    public void Each_sample_is_an_email_from_someone_to_the_shared_mailbox_written_in_late_2026()
    {
        var files = Directory.GetFiles(s_samples, "*.eml");

        Assert.Equal(3, files.Length);
        Assert.All(files, file =>
        {
            using var message = MimeMessage.Load(file);
            Assert.Single(message.From.Mailboxes);
            Assert.Equal("delegations@onepointentry.example", Assert.Single(message.To.Mailboxes).Address);
            Assert.Matches(@"\.example\.(cn|com|dk|kr)$", message.From.Mailboxes.Single().Domain);
            Assert.Matches(@"@[a-z.]*example\.(cn|com|dk|kr)$", message.MessageId);
            Assert.Equal((2026, true), (message.Date.Year, message.Date.Month >= 10));
        });
    }

    [Fact]
    public void The_Chinese_sample_is_GB2312_in_its_headers_and_its_body()
    {
        var path = Path.Combine(s_samples, "weihai-eldercare-smart-city.gb2312.eml");
        var raw = Encoding.ASCII.GetString(File.ReadAllBytes(path));
        using var message = MimeMessage.Load(path);
        var body = Assert.IsType<TextPart>(message.Body);

        Assert.Contains("=?gb2312?B?", raw, StringComparison.Ordinal);
        Assert.Equal(("gb2312", ContentEncoding.Base64), (body.ContentType.Charset, body.ContentTransferEncoding));
        Assert.Equal("威海市外事办公室 王丽", message.From.Mailboxes.Single().Name);
        Assert.Contains("养老服务与智慧城市", message.Subject, StringComparison.Ordinal);
        Assert.Contains("威海市人民政府外事办公室", body.Text, StringComparison.Ordinal);
        Assert.Contains("2027年4月13日至15日", body.Text, StringComparison.Ordinal);
    }
}
