using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OnePointEntry.Enquiries;
using OnePointEntry.Enquiries.Fields;

namespace OnePointEntry.Integration.Tests.Enquiries;

/// <summary>Every field the model keeps goes into its own table property and comes back as it went in.</summary>
public sealed class EnquiryFieldStorageTests : IAsyncLifetime
{
    private readonly StorageFixture _storage = new(seedDirectories: false);

    private IEnquiryStore Store => _storage.Services.GetRequiredService<IEnquiryStore>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DeleteAsync();

    [Fact]
    public async Task Every_field_of_a_submission_is_stored_under_its_property_and_read_back_unchanged()
    {
        var enquiry = New(EnquiryFields.SubmissionOf(ValueOf));
        await AddAsync(enquiry);

        var stored = (await Store.FindAsync(enquiry.Reference, CancellationToken.None))!;
        var entity = (await _storage.EnquiriesTable.GetEntityAsync<TableEntity>(enquiry.Reference.ReceivedMonth, enquiry.Reference.ToString())).Value;

        Assert.All(EnquiryFields.Submitted, field =>
        {
            Assert.Equal(ValueOf(field), field.Submission!.Get(stored.Submission));
            Assert.True(entity.ContainsKey(field.StoredAs!), field.StoredAs);
        });
        Assert.Empty(stored.CutFields);
    }

    [Fact]
    public async Task A_row_stored_before_the_model_reads_as_it_always_did()
    {
        var reference = EnquiryReference.New(DateOnly.FromDateTime(_storage.Time.GetUtcNow().UtcDateTime));
        var entity = new TableEntity(reference.ReceivedMonth, reference.ToString())
        {
            ["Kind"] = "Enquiry",
            ["Source"] = "Mail",
            ["ReceivedAt"] = _storage.Time.GetUtcNow(),
            ["Status"] = "Screened",
        };
        foreach (var (property, stored, _, _) in s_rowAsStoredBefore)
        {
            entity[property] = stored;
        }

        await _storage.EnquiriesTable.CreateIfNotExistsAsync();
        await _storage.EnquiriesTable.AddEntityAsync(entity);

        var submission = (await Store.FindAsync(reference, CancellationToken.None))!.Submission;

        Assert.Equal(EnquiryFields.Submitted.Select(field => field.Name).Order(StringComparer.Ordinal), s_rowAsStoredBefore.Select(row => row.Field).Order(StringComparer.Ordinal));
        Assert.All(s_rowAsStoredBefore, row => Assert.Equal(row.Read, EnquiryFields.Named(row.Field)!.Submission!.Get(submission)));
    }

    // Property names and values as rows in Azure hold them, and what each field reads from them.
    private static readonly (string Property, object Stored, string Field, string Read)[] s_rowAsStoredBefore =
    [
        ("Organisation", "Liaoyang Municipal People's Government", "organisation", "Liaoyang Municipal People's Government"),
        ("Country", "China", "country", "China"),
        ("SubmittedRegion", "Liaoning", "region", "Liaoning"),
        ("City", "Liaoyang", "city", "Liaoyang"),
        ("ContactName", "Wang Fang", "contactName", "Wang Fang"),
        ("ContactEmail", "wang.fang@example.cn", "contactEmail", "wang.fang@example.cn"),
        ("Phone", "+86 419 123 4567", "phone", "+86 419 123 4567"),
        ("DelegationSize", 6, "delegationSize", "6"),
        ("ArrivalDate", "2027-03-10", "arrivalDate", "2027-03-10"),
        ("DepartureDate", "2027-03-12", "departureDate", "2027-03-12"),
        ("Purpose", "Fur industry.", "purpose", "Fur industry."),
        ("RequestedThemes", "food-agriculture;fur-industry", "themes", "food-agriculture,fur-industry"),
        ("ReferredBy", "Glostrup", "referredBy", "Glostrup"),
        ("Language", "zh", "language", "zh"),
        ("Sector", "public", "sector", "public"),
        ("Level", "municipal", "level", "municipal"),
    ];

    [Fact]
    public async Task A_field_longer_than_storage_keeps_is_cut_and_named_as_cut()
    {
        var enquiry = New(EnquiryFields.SubmissionOf(ValueOf) with { City = new string('x', EnquiryFields.City.StoredLength + 1) });
        await AddAsync(enquiry);

        var stored = (await Store.FindAsync(enquiry.Reference, CancellationToken.None))!;

        Assert.Equal(EnquiryFields.City.StoredLength, stored.Submission.City!.Length);
        Assert.Equal([EnquiryFields.City.StoredAs!], stored.CutFields);
    }

    // Canonical text as the model's accessors speak it; screening below holds other values, so a field stored in
    // screening's place would show.
    private static string ValueOf(EnquiryField field) => field.Kind switch
    {
        EnquiryFieldKind.Size => "6",
        EnquiryFieldKind.Date => field.NotBefore is null ? "2027-03-10" : "2027-03-12",
        EnquiryFieldKind.Themes => "food-agriculture,fur-industry",
        _ => $"the sender's {field.Name}",
    };

    private Enquiry New(EnquirySubmission submission)
    {
        var now = _storage.Time.GetUtcNow();
        return new Enquiry
        {
            Reference = EnquiryReference.New(DateOnly.FromDateTime(now.UtcDateTime)),
            Source = EnquirySource.Mail,
            ReceivedAt = now,
            Status = EnquiryStatus.Screened,
            Submission = submission,
            Screening = new ScreenedFacts { CountryCode = "CN", City = "Screened city", Region = "Screened region", Sector = "private", Level = "national", Themes = ["health-life-science"], ScreenedAt = now },
        };
    }

    private async Task AddAsync(Enquiry enquiry) =>
        Assert.Equal(AddEnquiryResult.Added, await Store.AddAsync(enquiry, [], [], CancellationToken.None));
}
