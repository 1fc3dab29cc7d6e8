using System.Collections.Concurrent;
using OnePointEntry.Infrastructure.Graph;

namespace OnePointEntry.Integration.Tests.Graph;

public sealed class MailboxConcurrencyHandlerTests
{
    private static readonly string[] s_urls =
    [
        "https://graph.microsoft.com/v1.0/users/info@onepointentry.dk/messages",
        "https://graph.microsoft.com/v1.0/users/anna@onepointentry.dk/events",
        "https://graph.microsoft.com/v1.0/planner/tasks",
    ];

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0/users/info%40onepointentry.dk/messages/AAk=/send", "info@onepointentry.dk")]
    [InlineData("http://127.0.0.1:7072/v1.0/users/2b3c/calendar/getSchedule", "2b3c")]
    [InlineData("https://graph.microsoft.com/v1.0/planner/tasks", null)]
    [InlineData("https://graph.microsoft.com/v1.0/subscriptions/abc", null)]
    public void The_mailbox_is_the_segment_after_users(string url, string? mailbox) =>
        Assert.Equal(mailbox, MailboxConcurrencyHandler.MailboxOf(new Uri(url)));

    [Fact]
    public async Task No_more_than_four_requests_to_one_mailbox_are_in_flight_while_other_mailboxes_and_planner_go_on()
    {
        var inner = new CountingHandler();
        using var client = new HttpClient(new MailboxConcurrencyHandler { InnerHandler = inner });
        var requests = Enumerable.Range(0, 12).SelectMany(_ => s_urls);

        await Task.WhenAll(requests.Select(url => client.GetAsync(new Uri(url))));

        Assert.Equal(4, inner.MostInFlight["info@onepointentry.dk"]);
        Assert.Equal(4, inner.MostInFlight["anna@onepointentry.dk"]);
        Assert.True(inner.MostInFlight["planner"] > 4, $"planner had at most {inner.MostInFlight["planner"]} in flight");
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        private readonly ConcurrentDictionary<string, int> _inFlight = new();

        public ConcurrentDictionary<string, int> MostInFlight { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var key = MailboxConcurrencyHandler.MailboxOf(request.RequestUri) ?? "planner";
            var now = _inFlight.AddOrUpdate(key, 1, (_, count) => count + 1);
            MostInFlight.AddOrUpdate(key, now, (_, most) => Math.Max(most, now));
            await Task.Delay(100, cancellationToken);
            _inFlight.AddOrUpdate(key, 0, (_, count) => count - 1);
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        }
    }
}
