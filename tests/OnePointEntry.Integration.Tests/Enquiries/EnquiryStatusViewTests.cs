using System.Text.Json;
using OnePointEntry.Enquiries;
using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Functions.Http;

namespace OnePointEntry.Integration.Tests.Enquiries;

public sealed class EnquiryStatusViewTests
{
    private static readonly DateTimeOffset s_received = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_status_shows_every_fact_under_its_name_as_read_and_nothing_else_of_the_submission()
    {
        var json = JsonSerializer.SerializeToElement(EnquiryStatusView.Of(Enquiry(), []), JsonResponse.SerializerOptions);

        Assert.Equal("Liaoyang Municipal People's Government", json.GetProperty("organisation").GetString());
        Assert.Equal("CN", json.GetProperty("country").GetString());
        Assert.Equal("Liaoning", json.GetProperty("region").GetString());
        Assert.Equal("public", json.GetProperty("sector").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("level").ValueKind);
        Assert.Equal(6, json.GetProperty("delegationSize").GetInt32());
        Assert.Equal("2026-06-01", json.GetProperty("arrivalDate").GetString());
        Assert.Equal(["fur-industry", "health-life-science"], json.GetProperty("themes").EnumerateArray().Select(theme => theme.GetString()));
        Assert.All(EnquiryFields.All, field => Assert.Equal(field.Fact is not null, json.TryGetProperty(field.Name, out _)));
    }

    [Fact]
    public void An_enquiry_with_no_facts_known_shows_each_as_null_and_the_themes_as_an_empty_list()
    {
        var enquiry = Enquiry() with { Screening = null, Submission = new() { Organisation = "Org", Country = "Atlantis", ContactEmail = "a@example.com", Purpose = "Visit." } };

        var json = JsonSerializer.SerializeToElement(EnquiryStatusView.Of(enquiry, []), JsonResponse.SerializerOptions);

        Assert.Equal(JsonValueKind.Null, json.GetProperty("country").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("delegationSize").ValueKind);
        Assert.Equal(0, json.GetProperty("themes").GetArrayLength());
    }

    private static Enquiry Enquiry() => new()
    {
        Reference = EnquiryReference.New(DateOnly.FromDateTime(s_received.UtcDateTime)),
        Source = EnquirySource.WebForm,
        ReceivedAt = s_received,
        Status = EnquiryStatus.Screened,
        // Contact data and the message are there to be left out.
        Submission = new EnquirySubmission { Organisation = "Liaoyang Municipal People's Government", Country = "China", ContactName = "Wang Fang", ContactEmail = "wang.fang@example.cn", Purpose = "Fur industry.", DelegationSize = 6, ArrivalDate = new DateOnly(2026, 6, 1), Themes = ["fur-industry"] },
        Screening = new ScreenedFacts { CountryCode = "CN", City = "Liaoyang", Region = "Liaoning", Sector = "public", Themes = ["fur-industry", "health-life-science"], ScreenedAt = s_received },
    };
}
