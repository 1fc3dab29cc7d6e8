using Microsoft.AspNetCore.Http;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Functions.Operations;
using OnePointEntry.Functions.Screening;

namespace OnePointEntry.Integration.Tests.Operations;

public sealed class RequeueRoutingTests : IAsyncLifetime
{
    private readonly StorageFixture _storage = new();
    private string _reference = null!;

    public async Task InitializeAsync()
    {
        var request = HttpRequests.Json(Enquiries.SubmitEnquiryTests.ValidJson());
        var (_, _, _, body) = await (await _storage.Create<SubmitEnquiry>().Run(request, CancellationToken.None)).ExecuteAsync(request);
        _reference = body.GetProperty("reference").GetString()!;
        await _storage.Create<ScreenEnquiry>().Run(Assert.Single(await _storage.QueuedMessagesAsync()), 1, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _storage.DeleteAsync();

    [Fact]
    public async Task Screening_queues_the_enquiry_for_routing()
    {
        Assert.Equal([$$"""{"reference":"{{_reference}}"}"""], await _storage.QueuedMessagesAsync(_storage.Names.RoutingQueue));
    }

    [Fact]
    public async Task An_operator_queues_a_failed_routing_again_and_the_audit_says_who()
    {
        var store = (IEnquiryStore)_storage.Services.GetService(typeof(IEnquiryStore))!;
        Assert.True(EnquiryReference.TryParse(_reference, out var reference));
        var enquiry = (await store.FindAsync(reference, CancellationToken.None))!;
        Assert.True(await store.TryUpdateAsync(enquiry with { Status = EnquiryStatus.RoutingFailed }, new StatusChange(reference, EnquiryStatus.Screened, EnquiryStatus.RoutingFailed, "system:routing", _storage.Time.GetUtcNow(), "Graph down"), CancellationToken.None));
        await _storage.Queues.GetQueueClient(_storage.Names.RoutingQueue).ClearMessagesAsync();
        _storage.Time.Advance(TimeSpan.FromMinutes(1));

        var (status, body) = await RequeueAsync(new { changedBy = "ops@onepointentry.example" });

        Assert.Equal(202, status);
        Assert.Equal("Screened", body.GetProperty("status").GetString());
        Assert.Equal("ops@onepointentry.example", body.GetProperty("history").EnumerateArray().Last().GetProperty("changedBy").GetString());
        Assert.Single(await _storage.QueuedMessagesAsync(_storage.Names.RoutingQueue));
    }

    [Fact]
    public async Task An_enquiry_that_is_past_routing_cannot_be_queued_again()
    {
        var store = (IEnquiryStore)_storage.Services.GetService(typeof(IEnquiryStore))!;
        Assert.True(EnquiryReference.TryParse(_reference, out var reference));
        var enquiry = (await store.FindAsync(reference, CancellationToken.None))!;
        Assert.True(await store.TryUpdateAsync(enquiry with { Status = EnquiryStatus.Completed }, null, CancellationToken.None));

        var (status, _) = await RequeueAsync(new { changedBy = "ops@onepointentry.example" });

        Assert.Equal(409, status);
    }

    private async Task<(int Status, System.Text.Json.JsonElement Body)> RequeueAsync(object body)
    {
        var request = HttpRequests.Json(body);
        request.Method = HttpMethods.Post;
        var (status, _, _, json) = await (await _storage.Create<RequeueRouting>().Run(request, _reference, CancellationToken.None)).ExecuteAsync(request);
        return (status, json);
    }
}
