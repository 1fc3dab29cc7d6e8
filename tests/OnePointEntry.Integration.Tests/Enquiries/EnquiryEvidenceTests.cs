using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OnePointEntry.Enquiries;
using OnePointEntry.Extraction;
using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Functions.Retention;
using OnePointEntry.Functions.Staff.Enquiries;
using OnePointEntry.Functions.Staff.Pages;
using OnePointEntry.Functions.Staff.Pages.Enquiry;
using OnePointEntry.Functions.Staff.SignIn;
using OnePointEntry.Integration.Tests.Form;
using OnePointEntry.Retention;

namespace OnePointEntry.Integration.Tests.Enquiries;

/// <summary>
/// The machine's evidence for each fact of a mailed enquiry, through the app's real composition against Azurite: kept
/// in the enquiry's row within bounds, its quotes erased with the personal data, shown by the status endpoint (the
/// words to signed-in staff only) and beside each fact on the enquiry's page, encoded.
/// </summary>
public sealed class EnquiryEvidenceTests : IAsyncLifetime
{
    // Distinctive words, so finding them anywhere can only mean the quote was kept or shown.
    private const string CountryQuote = "a delegation of 8 from Qlmnvx, China";
    private const string HostileQuote = "<script>alert('evidence')</script> \"Zyxwo\" & 'Qlmnp'";

    // Words only the quotes hold.
    private static readonly string[] s_quoted = ["Qlmnvx", "Zyxwo", "辽宁省大连市", "sponge cities", "smart city"];

    private readonly StorageFixture _storage = new(seedDirectories: false);

    private IEnquiryStore Store => _storage.Services.GetRequiredService<IEnquiryStore>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DeleteAsync();

    private static IReadOnlyList<FieldEvidence> Evidence() =>
    [
        new("country", "CN", 0.95, CountryQuote, MessagePart.Forwarded),
        new("region", "Liaoning", 0.7, null, MessagePart.Forwarded),
        new("city", "Dalian", 0.9, "辽宁省大连市人民政府代表团", MessagePart.Forwarded),
        new("arrivalDate", "2027-05-12", 0.9, "12 to 14 May 2027", MessagePart.OwnWords),
        new("delegationSize", "8", 0.55, HostileQuote, MessagePart.Signature),
        new("themes", "water-environment", 0.85, "water treatment and sponge cities", MessagePart.OwnWords),
        new("themes", "sustainable-urban-development", 0.6, "smart city", MessagePart.Quoted),
    ];

    [Fact]
    public async Task Evidence_is_kept_in_one_property_of_the_row_and_read_back_as_it_went_in()
    {
        var enquiry = await AddMailedAsync(Evidence());

        var stored = (await Store.FindAsync(enquiry.Reference, CancellationToken.None))!;
        var row = await RowAsync(enquiry.Reference);

        Assert.Equal(Evidence(), stored.Evidence);
        Assert.Empty(stored.CutFields);
        var json = row.GetString("Evidence");
        Assert.Equal(Evidence().Count, JsonDocument.Parse(json).RootElement.GetArrayLength());
        // Compact: Chinese stays Chinese rather than six characters a letter.
        Assert.Contains("辽宁省大连市", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_stored_before_evidence_was_kept_reads_as_none_and_is_written_back_without_any()
    {
        var reference = EnquiryReference.New(DateOnly.FromDateTime(_storage.Time.GetUtcNow().UtcDateTime));
        await _storage.EnquiriesTable.CreateIfNotExistsAsync();
        await _storage.EnquiriesTable.AddEntityAsync(new TableEntity(reference.ReceivedMonth, reference.ToString())
        {
            ["Kind"] = "Enquiry",
            ["Source"] = "Mail",
            ["ReceivedAt"] = _storage.Time.GetUtcNow(),
            ["Status"] = "NeedsManualReview",
            ["Organisation"] = string.Empty,
            ["Country"] = "China",
            ["ContactEmail"] = "li.na@example.cn",
            ["Purpose"] = "Visit next spring?",
            ["MailMessageKey"] = "<old@mail.example.cn>",
        });

        var old = (await Store.FindAsync(reference, CancellationToken.None))!;
        Assert.Empty(old.Evidence);
        Assert.True(await Store.TryUpdateAsync(old with { ManualReviewReason = "Read by a person." }, null, CancellationToken.None));

        var row = await RowAsync(reference);
        Assert.False(row.ContainsKey("Evidence"));
        Assert.Empty((await Store.FindAsync(reference, CancellationToken.None))!.Evidence);
    }

    [Fact]
    public async Task Evidence_beyond_its_bounds_is_cut_named_as_cut_and_stays_named_when_written_again()
    {
        // A lone surrogate too: storage must take whatever a mail holds.
        var longQuote = "\ud800" + new string('q', 500);
        var many = Enumerable.Range(0, 60)
            .Select(index => new FieldEvidence("themes", $"theme-{index}", index % 2 == 0 ? double.NaN : 1.7, longQuote, MessagePart.Attachment))
            .ToList();
        var enquiry = await AddMailedAsync(many);

        var stored = (await Store.FindAsync(enquiry.Reference, CancellationToken.None))!;

        Assert.InRange(stored.Evidence.Count, 1, 40);
        Assert.All(stored.Evidence, entry =>
        {
            Assert.Equal(FieldEvidence.MaxQuoteLength, entry.Quote!.Length);
            Assert.EndsWith("…", entry.Quote, StringComparison.Ordinal);
            Assert.InRange(entry.Confidence, 0, 1);
        });
        Assert.Equal(0, stored.Evidence[0].Confidence);
        Assert.Equal(1, stored.Evidence[1].Confidence);
        Assert.Contains("Evidence", stored.CutFields);

        // Values whose every character JSON escapes: the property stays within its bound, whatever is left out.
        var escaped = Enumerable.Range(0, 40)
            .Select(index => new FieldEvidence("city", new string('\u0001', 300), 0.9, new string('\u0002', 160), MessagePart.OwnWords))
            .ToList();
        var heavy = await AddMailedAsync(escaped);
        Assert.InRange((await RowAsync(heavy.Reference)).GetString("Evidence").Length, 1, 16_000);
        Assert.Contains("Evidence", (await Store.FindAsync(heavy.Reference, CancellationToken.None))!.CutFields);

        Assert.True(await Store.TryUpdateAsync(stored with { ManualReviewReason = "Read by a person." }, null, CancellationToken.None));
        var again = (await Store.FindAsync(enquiry.Reference, CancellationToken.None))!;
        Assert.Equal(stored.Evidence, again.Evidence);
        Assert.Contains("Evidence", again.CutFields);
    }

    [Fact]
    public async Task Erasing_on_request_clears_every_quote_from_the_row_and_keeps_how_sure_the_machine_was_and_where()
    {
        var enquiry = await AddMailedAsync(Evidence());
        var request = HttpRequests.Json(new { changedBy = "anna@onepointentry.example" });
        request.Method = HttpMethods.Delete;

        var (status, _, _, body) = await (await _storage.Create<ErasePersonalData>().Run(request, enquiry.Reference.ToString(), CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(200, status);
        Assert.Equal("erased", body.GetProperty("evidenceQuotes").GetString());
        await AssertQuotesErasedAsync(enquiry.Reference);
    }

    [Fact]
    public async Task The_retention_sweep_clears_every_quote_too()
    {
        var enquiry = await AddMailedAsync(Evidence());
        _storage.Time.Advance(TimeSpan.FromDays(31 * 26));

        var result = await ActivatorUtilities.CreateInstance<RetentionSweep>(_storage.Services, new RetentionPolicy(24, 1000)).RunAsync(CancellationToken.None);

        Assert.Equal(1, result.Anonymised);
        await AssertQuotesErasedAsync(enquiry.Reference);
    }

    [Fact]
    public async Task The_status_endpoint_shows_how_sure_the_machine_was_and_where_with_the_words_withheld_from_a_key_alone()
    {
        var enquiry = await AddMailedAsync(Evidence());

        var (status, json, text) = await GetAsync(_storage.Create<GetEnquiry>(), enquiry.Reference, signedIn: false);

        Assert.Equal(200, status);
        Assert.Equal("withheld", json.GetProperty("evidenceQuotes").GetString());
        var country = json.GetProperty("evidence").GetProperty("country");
        Assert.Equal(("CN", 0.95, true, "forwarded"), (country.GetProperty("value").GetString(), country.GetProperty("confidence").GetDouble(), country.GetProperty("sure").GetBoolean(), country.GetProperty("part").GetString()));
        Assert.Equal(JsonValueKind.Null, country.GetProperty("quote").ValueKind);
        Assert.False(json.GetProperty("evidence").GetProperty("delegationSize").GetProperty("sure").GetBoolean());
        Assert.Equal("signature", json.GetProperty("evidence").GetProperty("delegationSize").GetProperty("part").GetString());
        Assert.All(text, value =>
        {
            Assert.DoesNotContain("Qlmnvx", value, StringComparison.Ordinal);
            Assert.DoesNotContain("Zyxwo", value, StringComparison.Ordinal);
            Assert.DoesNotContain("大连", value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Signed_in_staff_get_the_quoted_words_per_field_and_per_theme_and_a_corrected_field_says_so_instead()
    {
        var added = await AddMailedAsync(Evidence());
        var enquiry = (await Store.FindAsync(added.Reference, CancellationToken.None))!;
        Assert.True(await Store.TryUpdateAsync(enquiry with { Corrections = new Dictionary<string, string>(StringComparer.Ordinal) { ["city"] = "Shenyang" } }, null, CancellationToken.None));

        var (status, json, _) = await GetAsync(_storage.CreateBehindSignIn<GetEnquiry>(), added.Reference, signedIn: true);

        Assert.Equal(200, status);
        Assert.Equal("shown", json.GetProperty("evidenceQuotes").GetString());
        var evidence = json.GetProperty("evidence");
        Assert.Equal(CountryQuote, evidence.GetProperty("country").GetProperty("quote").GetString());
        Assert.Equal(HostileQuote, evidence.GetProperty("delegationSize").GetProperty("quote").GetString());
        // Inferred (a region from its city): no words to quote.
        Assert.Equal(JsonValueKind.Null, evidence.GetProperty("region").GetProperty("quote").ValueKind);
        Assert.Equal("""{"correctedByStaff":true}""", evidence.GetProperty("city").GetRawText());
        var themes = evidence.GetProperty("themes");
        Assert.Equal(["water-environment", "sustainable-urban-development"], themes.EnumerateObject().Select(theme => theme.Name));
        Assert.Equal(("smart city", "quoted", false), (themes.GetProperty("sustainable-urban-development").GetProperty("quote").GetString(), themes.GetProperty("sustainable-urban-development").GetProperty("part").GetString(), themes.GetProperty("sustainable-urban-development").GetProperty("sure").GetBoolean()));
        Assert.False(evidence.TryGetProperty("organisation", out _));

        // Signed in without the staff role: a key's view.
        var (_, other, _) = await GetAsync(_storage.CreateBehindSignIn<GetEnquiry>(), added.Reference, signedIn: true, roles: []);
        Assert.Equal("withheld", other.GetProperty("evidenceQuotes").GetString());
    }

    [Fact]
    public async Task A_web_form_enquiry_shows_no_evidence()
    {
        var request = HttpRequests.Json(SubmitEnquiryTests.ValidJson());
        var (_, _, _, accepted) = await (await _storage.Create<SubmitEnquiry>().Run(request, CancellationToken.None)).ExecuteAsync(request);
        Assert.True(EnquiryReference.TryParse(accepted.GetProperty("reference").GetString(), out var reference));

        var (_, json, _) = await GetAsync(_storage.CreateBehindSignIn<GetEnquiry>(), reference, signedIn: true);

        Assert.Empty(json.GetProperty("evidence").EnumerateObject());
        Assert.Empty((await Store.FindAsync(reference, CancellationToken.None))!.Evidence);
    }

    [Fact]
    public async Task The_staff_api_gives_each_fact_its_evidence_with_the_words()
    {
        var enquiry = await AddMailedAsync(Evidence());
        var request = HttpRequests.Get($"/api/staff/enquiries/{enquiry.Reference}").SignedInAs("mei.chen@onepointentry.example", StaffRole.Staff);

        var (status, _, _, json) = await (await _storage.CreateBehindSignIn<GetStaffEnquiry>().Run(request, enquiry.Reference.ToString(), CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(200, status);
        var facts = json.GetProperty("facts").EnumerateArray().ToDictionary(fact => fact.GetProperty("name").GetString()!, fact => fact.GetProperty("evidence"));
        Assert.Equal(CountryQuote, Assert.Single(facts["country"].EnumerateArray()).GetProperty("quote").GetString());
        Assert.Equal(2, facts["themes"].GetArrayLength());
        Assert.Equal(0, facts["organisation"].GetArrayLength());
    }

    [Theory]
    [InlineData("en", "Sure (95%)", "Unsure (55%), check it", "in the signature", "in the forwarded enquiry", "inferred, not read word for word", "(read as China (CN))")]
    [InlineData("da", "Sikker (95 %)", "Usikker (55 %), tjek den", "i signaturen", "i den videresendte henvendelse", "udledt, ikke læst ord for ord", "(læst som Kina (CN))")]
    public async Task The_enquiry_page_shows_beside_each_fact_how_sure_the_machine_was_and_the_quoted_words_encoded(string language, string sure, string unsure, string signature, string forwarded, string inferred, string readAs)
    {
        var added = await AddMailedAsync(Evidence());
        var enquiry = (await Store.FindAsync(added.Reference, CancellationToken.None))!;
        Assert.True(await Store.TryUpdateAsync(enquiry with { Corrections = new Dictionary<string, string>(StringComparer.Ordinal) { ["city"] = "Shenyang" } }, null, CancellationToken.None));

        var html = await PageAsync(added.Reference, language);

        Assert.Contains($"<p class=\"evidence\" id=\"fact-country-evidence\"><span class=\"confidence\">{sure}</span>: ", html, StringComparison.Ordinal);
        // Not screened, so the country shown is unknown: the evidence says what the machine read.
        Assert.Contains($"<q>{CountryQuote}</q> {forwarded} {readAs}</p>", html, StringComparison.Ordinal);
        Assert.Matches("id=\"fact-country\"[^>]*aria-describedby=\"fact-country-evidence[ \"]", html);
        // Unsure stands out in words (and bold), not in colour alone.
        Assert.Contains($"<p class=\"evidence unsure\" id=\"fact-delegationSize-evidence\"><strong class=\"confidence\">{unsure}</strong>", html, StringComparison.Ordinal);
        Assert.Contains($"{inferred}</p>", html, StringComparison.Ordinal);
        Assert.Contains(signature, html, StringComparison.Ordinal);
        // The hostile quote is text: every character HTML cares about is encoded.
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("<q>&lt;script&gt;alert(&#x27;evidence&#x27;)&lt;/script&gt; &quot;Zyxwo&quot; &amp; &#x27;Qlmnp&#x27;</q>", html, StringComparison.Ordinal);
        // A corrected fact shows no evidence as if it held.
        Assert.DoesNotContain("fact-city-evidence", html, StringComparison.Ordinal);
        Assert.DoesNotContain("辽宁省大连市", html, StringComparison.Ordinal);
        // Each theme's reason is tied to its checkbox.
        Assert.Matches("id=\"fact-themes-water-environment\"[^>]*aria-describedby=\"fact-themes-water-environment-evidence\"", html);
        Assert.Contains("<li class=\"evidence unsure\" id=\"fact-themes-sustainable-urban-development-evidence\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_erasure_the_page_says_the_words_are_erased()
    {
        var enquiry = await AddMailedAsync(Evidence());
        await _storage.Services.GetRequiredService<PersonalDataEraser>().EraseAsync(enquiry.Reference, "anna@onepointentry.example", ErasureReason.Request, CancellationToken.None);

        var html = await PageAsync(enquiry.Reference, "en");

        Assert.Contains("<span class=\"confidence\">Sure (95%)</span>: in the forwarded enquiry (the words are erased with the personal data)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Qlmnvx", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_log_record_holds_the_quoted_words_whatever_reads_or_erases_them()
    {
        var enquiry = await AddMailedAsync(Evidence());
        await GetAsync(_storage.Create<GetEnquiry>(), enquiry.Reference, signedIn: false);
        await GetAsync(_storage.CreateBehindSignIn<GetEnquiry>(), enquiry.Reference, signedIn: true);
        var staffApi = HttpRequests.Get($"/api/staff/enquiries/{enquiry.Reference}").SignedInAs("mei.chen@onepointentry.example", StaffRole.Staff);
        await (await _storage.CreateBehindSignIn<GetStaffEnquiry>().Run(staffApi, enquiry.Reference.ToString(), CancellationToken.None)).ExecuteAsync(staffApi);
        await PageAsync(enquiry.Reference, "da");
        await _storage.Services.GetRequiredService<PersonalDataEraser>().EraseAsync(enquiry.Reference, "anna@onepointentry.example", ErasureReason.Request, CancellationToken.None);

        var records = _storage.Logs.GetSnapshot();

        Assert.NotEmpty(records);
        Assert.All(records, record =>
        {
            var text = EnquiryLoggingTests.Text(record);
            foreach (var words in s_quoted)
            {
                Assert.False(text.Contains(words, StringComparison.OrdinalIgnoreCase), $"{record.Category} logged a quote: {text}");
            }
        });
    }

    private async Task<Enquiry> AddMailedAsync(IReadOnlyList<FieldEvidence> evidence)
    {
        var now = _storage.Time.GetUtcNow();
        var reference = EnquiryReference.New(DateOnly.FromDateTime(now.UtcDateTime));
        var enquiry = new Enquiry
        {
            Reference = reference,
            Source = EnquirySource.Mail,
            ReceivedAt = now,
            Status = EnquiryStatus.NeedsManualReview,
            ManualReviewReason = "Please read the mail.",
            Mail = new MailOrigin($"<{Guid.NewGuid():N}@mail.example.cn>", "graph-1", "Delegation from Dalian"),
            Submission = new EnquirySubmission
            {
                Organisation = string.Empty,
                Country = "CN",
                City = "Dalian",
                Region = "Liaoning",
                ContactName = "Li Na",
                ContactEmail = "li.na@example.cn",
                DelegationSize = 8,
                ArrivalDate = new DateOnly(2027, 5, 12),
                DepartureDate = new DateOnly(2027, 5, 14),
                Purpose = $"Dear One-Point Entry, {CountryQuote} will visit 12 to 14 May 2027.",
                Themes = ["sustainable-urban-development", "water-environment"],
            },
            Evidence = evidence,
        };
        Assert.Equal(AddEnquiryResult.Added, await Store.AddAsync(enquiry, [], [], CancellationToken.None));
        return enquiry;
    }

    private async Task<TableEntity> RowAsync(EnquiryReference reference) =>
        (await _storage.EnquiriesTable.GetEntityAsync<TableEntity>(reference.ReceivedMonth, reference.ToString())).Value;

    private async Task AssertQuotesErasedAsync(EnquiryReference reference)
    {
        var json = (await RowAsync(reference)).GetString("Evidence");
        Assert.DoesNotContain("Qlmnvx", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Zyxwo", json, StringComparison.Ordinal);
        Assert.DoesNotContain("大连", json, StringComparison.Ordinal);
        var erased = (await Store.FindAsync(reference, CancellationToken.None))!;
        Assert.Equal(Evidence().Select(entry => entry with { Quote = null }), erased.Evidence);
    }

    private static async Task<(int Status, JsonElement Json, List<string> Strings)> GetAsync(GetEnquiry function, EnquiryReference reference, bool signedIn, StaffRole[]? roles = null)
    {
        var request = HttpRequests.Get($"/api/enquiries/{reference}");
        if (signedIn)
        {
            request.SignedInAs("mei.chen@onepointentry.example", roles ?? [StaffRole.Staff]);
        }

        var (status, _, _, json) = await (await function.Run(request, reference.ToString(), CancellationToken.None)).ExecuteAsync(request);
        return (status, json, StringsIn(json).ToList());
    }

    // Every text in the answer, as a client reads it (the raw JSON escapes Chinese).
    private static IEnumerable<string> StringsIn(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => [json.GetString()!],
        JsonValueKind.Object => json.EnumerateObject().SelectMany(property => StringsIn(property.Value).Prepend(property.Name)),
        JsonValueKind.Array => json.EnumerateArray().SelectMany(StringsIn),
        _ => [],
    };

    private async Task<string> PageAsync(EnquiryReference reference, string language)
    {
        var gate = ActivatorUtilities.CreateInstance<WorkspaceGate>(_storage.Services, StorageFixture.BehindSignIn);
        var page = new ShowWorkspaceEnquiry(gate, _storage.Services.GetRequiredService<EnquiryPageAnswers>());
        var request = HttpRequests.Get($"/api/workspace/enquiries/{reference}", $"?lang={language}").SignedInAs("mei.chen@onepointentry.example", StaffRole.Staff);

        var (status, _, _, html) = await (await page.Run(request, reference.ToString(), CancellationToken.None)).ExecuteAsTextAsync(request);

        Assert.Equal(200, status);
        return html;
    }
}
