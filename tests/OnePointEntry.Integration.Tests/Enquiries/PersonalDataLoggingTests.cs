using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Functions.Screening;

namespace OnePointEntry.Integration.Tests.Enquiries;

public sealed class PersonalDataLoggingTests : IAsyncLifetime
{
    private readonly StorageFixture _storage = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DeleteAsync();

    [Fact]
    public async Task Taking_in_and_screening_an_enquiry_logs_its_reference_and_no_personal_data()
    {
        var json = SubmitEnquiryTests.ValidJson();
        var submit = _storage.Create<SubmitEnquiry>();
        var request = HttpRequests.Json(json);
        var (_, _, _, body) = await (await submit.Run(request, CancellationToken.None)).ExecuteAsync(request);
        var reference = body.GetProperty("reference").GetString()!;
        await _storage.Create<ScreenEnquiry>().Run(Assert.Single(await _storage.QueuedMessagesAsync()), 1, CancellationToken.None);
        var invalid = SubmitEnquiryTests.ValidJson();
        invalid["contactEmail"] = "li.na-at-example.cn";
        var invalidRequest = HttpRequests.Json(invalid);
        await (await submit.Run(invalidRequest, CancellationToken.None)).ExecuteAsync(invalidRequest);

        var logged = _storage.Logs.GetSnapshot().Select(record => record.Message + " " + string.Join(" ", record.StructuredState?.Select(pair => pair.Value) ?? [])).ToList();

        Assert.Contains(logged, line => line.Contains(reference, StringComparison.Ordinal));
        foreach (var personal in new[] { "li.na@example.cn", "li.na-at-example.cn", "Li Na", "+86 573 8888 1234", "我们希望参观", "貂皮" })
        {
            Assert.DoesNotContain(logged, line => line.Contains(personal, StringComparison.Ordinal));
        }
    }
}
