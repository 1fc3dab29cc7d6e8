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
        await _storage.EnquiriesTable.CreateIfNotExistsAsync();
        await _storage.EnquiriesTable.AddEntityAsync(new TableEntity(reference.ReceivedMonth, reference.ToString())
        {
            ["Kind"] = "Enquiry",
            ["Source"] = "Mail",
            ["ReceivedAt"] = _storage.Time.GetUtcNow(),
            ["Status"] = "Screened",
            ["Organisation"] = "Liaoyang Municipal People's Government",
            ["Country"] = "China",
            ["City"] = "Liaoyang",
            ["ContactName"] = "Wang Fang",
            ["ContactEmail"] = "wang.fang@example.cn",
            ["Phone"] = "+86 419 123 4567",
            ["DelegationSize"] = 6,
            ["ArrivalDate"] = "2027-03-10",
            ["DepartureDate"] = "2027-03-12",
            ["Purpose"] = "Fur industry.",
            ["RequestedThemes"] = "food-agriculture;fur-industry",
            ["ReferredBy"] = "Glostrup",
            ["Language"] = "zh",
            ["SubmittedRegion"] = "Liaoning",
            ["Sector"] = "public",
            ["Level"] = "municipal",
        });

        var submission = (await Store.FindAsync(reference, CancellationToken.None))!.Submission;

        Assert.Equivalent(
            new EnquirySubmission
            {
                Organisation = "Liaoyang Municipal People's Government",
                Country = "China",
                City = "Liaoyang",
                ContactName = "Wang Fang",
                ContactEmail = "wang.fang@example.cn",
                Phone = "+86 419 123 4567",
                DelegationSize = 6,
                ArrivalDate = new DateOnly(2027, 3, 10),
                DepartureDate = new DateOnly(2027, 3, 12),
                Purpose = "Fur industry.",
                Themes = ["food-agriculture", "fur-industry"],
                ReferredBy = "Glostrup",
                Language = "zh",
                Region = "Liaoning",
                Sector = "public",
                Level = "municipal",
            },
            submission,
            strict: true);
    }

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
