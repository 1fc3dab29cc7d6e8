using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OnePointEntry.Enquiries;
using OnePointEntry.Mail;

namespace OnePointEntry.Tool.Tests.Corpus;

public sealed class CorpusCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    private const string Mail = """
        From: "Wang Fang" <wang.fang@ly.example.cn>
        To: delegations@onepointentry.example
        Subject: Visit of Liaoyang delegation
        Date: Tue, 1 Dec 2026 08:00:00 +0800
        Message-ID: <liaoyang-1@ly.example.cn>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Dear One-Point Entry, a delegation of 6 from Liaoyang would like to visit Copenhagen on 10-12 March 2027
        to learn about fur farming. Best regards, Wang Fang, +86 419 555 0123
        """;

    private readonly SeedStorage _storage = new();
    private EnquiryReference _corrected;
    private EnquiryReference _uncorrected;

    public async Task InitializeAsync()
    {
        using var storage = _storage.Open();
        var store = storage.Services.GetRequiredService<IEnquiryStore>();
        var originals = storage.Services.GetRequiredService<IMailOriginals>();
        _corrected = await AddAsync(store, originals, "liaoyang-1");
        _uncorrected = await AddAsync(store, originals, "liaoyang-2");
        var read = (await store.FindAsync(_corrected, CancellationToken.None))!;
        var corrected = read with { Corrections = new Dictionary<string, string>(StringComparer.Ordinal) { ["country"] = "CN", ["sector"] = "public", ["level"] = "municipal", ["arrivalDate"] = "2027-03-10", ["departureDate"] = "2027-03-12" } };
        Assert.True(await store.TryCorrectAsync(corrected, [new FieldCorrection(_corrected, "country", null, "CN", "mei@ope", s_now)], statusChange: null, CancellationToken.None));
    }

    public Task DisposeAsync() => _storage.DisposeAsync();

    [Fact]
    public async Task Export_writes_each_corrected_mail_enquiry_masked_and_labelled_with_the_corrected_facts()
    {
        var folder = Path.Combine(_storage.Folder, "corpus");

        var (code, output, _) = await RunAsync("export", "--out", folder, "--from", "2026-12", "--to", "2026-12");

        Assert.Equal(0, code);
        Assert.StartsWith("1 example(s) written", output, StringComparison.Ordinal);
        var name = _corrected.ToString().ToLowerInvariant();
        Assert.Equal([name + ".eml", name + ".expected.json"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var eml = await File.ReadAllTextAsync(Path.Combine(folder, name + ".eml"));
        Assert.DoesNotContain("Wang Fang", eml, StringComparison.Ordinal);
        Assert.DoesNotContain("wang.fang", eml, StringComparison.Ordinal);
        Assert.DoesNotContain("419 555", eml, StringComparison.Ordinal);
        Assert.Contains("a delegation of 6 from Liaoyang", eml, StringComparison.Ordinal);
        using var label = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, name + ".expected.json")));
        var root = label.RootElement;
        Assert.Equal(
            ["language", "country", "region", "city", "sector", "level", "delegationSize", "arrivalDate", "departureDate", "themes", "referredBy"],
            root.EnumerateObject().Select(property => property.Name));
        Assert.Equal(("CN", "public", "municipal", "2027-03-10", "2027-03-12"), (root.GetProperty("country").GetString(), root.GetProperty("sector").GetString(), root.GetProperty("level").GetString(), root.GetProperty("arrivalDate").GetString(), root.GetProperty("departureDate").GetString()));
        Assert.Equal(6, root.GetProperty("delegationSize").GetInt32());
    }

    [Theory]
    [InlineData]
    [InlineData("export")]
    [InlineData("export", "--out")]
    [InlineData("export", "--out", "x", "--from", "2026-13")]
    [InlineData("export", "--out", "x", "--from", "2026-12", "--to", "2026-11")]
    [InlineData("import", "--out", "x")]
    public async Task Bad_usage_is_exit_code_2_without_opening_storage(params string[] args)
    {
        var openedBefore = _storage.Opened; // the test's own seeding opened it
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains("usage: ope corpus", error, StringComparison.Ordinal);
        Assert.Equal(openedBefore, _storage.Opened);
    }

    private static async Task<EnquiryReference> AddAsync(IEnquiryStore store, IMailOriginals originals, string key)
    {
        var reference = EnquiryReference.New(new DateOnly(2026, 12, 1));
        await originals.KeepAsync(key, new MemoryStream(Encoding.UTF8.GetBytes(Mail.ReplaceLineEndings("\r\n"))), CancellationToken.None);
        await store.AddAsync(
            new Enquiry
            {
                Reference = reference,
                Source = EnquirySource.Mail,
                ReceivedAt = s_now.AddDays(-5),
                Status = EnquiryStatus.NeedsManualReview,
                Mail = new MailOrigin(key, null, "Visit of Liaoyang delegation"),
                Submission = new EnquirySubmission
                {
                    Organisation = "Liaoyang",
                    Country = "China",
                    ContactName = "Wang Fang",
                    ContactEmail = "wang.fang@ly.example.cn",
                    Phone = "+86 419 555 0123",
                    Purpose = "fur farming",
                    DelegationSize = 6,
                    Language = "en",
                },
            },
            [],
            [],
            CancellationToken.None);
        return reference;
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await _storage.CorpusCommand(new FakeTimeProvider(s_now)).RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
