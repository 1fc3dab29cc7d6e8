using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft365StandIn.Tests.Support;

namespace Microsoft365StandIn.Tests.Subscriptions;

/// <summary>Subscriptions as Graph runs them: the validation handshake, expiry limits, renewal, and real notifications.</summary>
public sealed class SubscriptionTests : IAsyncLifetime
{
    private const string ClientState = "client-state-secret";

    private NotificationReceiver _receiver = null!;
    private StandInServer _server = null!;

    public async Task InitializeAsync()
    {
        _receiver = await NotificationReceiver.StartAsync();
        _server = await StandInServer.StartAsync(new StandInOptions { ValidationTimeout = TimeSpan.FromSeconds(1), NotificationRetryDelay = TimeSpan.FromMilliseconds(50) });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task A_subscription_is_created_once_both_endpoints_echo_the_validation_token()
    {
        var created = await CreateAsync(GraphClients.For(_server));

        Assert.Equal(created.Id, Assert.Single(_server.Subscriptions).Id);
        Assert.Equal(2, _receiver.Validations.Count);
        Assert.Contains("validationToken=Validation%3A%20Testing%20client%20application%20reachability", _receiver.Validations[0], StringComparison.Ordinal);
        Assert.StartsWith("/api/mail/notifications?", _receiver.Validations[0], StringComparison.Ordinal);
        Assert.StartsWith("/api/mail/lifecycle?", _receiver.Validations[1], StringComparison.Ordinal);
        Assert.Equal(ClientState, created.ClientState);
        Assert.Equal(new StandInOptions().ValidationTimeout, TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("wrong echo", "Response must exactly match validationToken query parameter")]
    [InlineData("not 200", "must respond with 200 OK")]
    [InlineData("too late", "timed out")]
    public async Task A_subscription_whose_endpoint_does_not_echo_the_token_in_time_is_refused(string behaviour, string message)
    {
        switch (behaviour)
        {
            case "wrong echo":
                _receiver.Validation = token => (200, token + "x");
                break;
            case "not 200":
                _receiver.Validation = token => (202, token);
                break;
            default:
                _receiver.ValidationDelay = TimeSpan.FromSeconds(2);
                break;
        }

        var refused = await Assert.ThrowsAsync<ODataError>(() => CreateAsync(GraphClients.For(_server)));

        Assert.Equal((400, "ValidationError"), (refused.ResponseStatusCode, refused.Error?.Code));
        Assert.Contains(message, refused.Error?.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Subscriptions);
    }

    [Fact]
    public async Task An_expiry_past_10070_minutes_or_in_the_past_is_refused()
    {
        var graph = GraphClients.For(_server);

        var tooLong = await Assert.ThrowsAsync<ODataError>(() => CreateAsync(graph, DateTimeOffset.UtcNow.AddMinutes(10_080)));
        var past = await Assert.ThrowsAsync<ODataError>(() => CreateAsync(graph, DateTimeOffset.UtcNow.AddMinutes(-1)));

        Assert.Equal((400, "ExtensionError"), (tooLong.ResponseStatusCode, tooLong.Error?.Code));
        Assert.Equal("Subscription expiration can only be 10070 minutes in the future.", tooLong.Error?.Message);
        Assert.Equal(400, past.ResponseStatusCode);
        Assert.Empty(_receiver.Validations);
    }

    [Fact]
    public async Task A_delivered_mail_is_notified_with_the_client_state_and_the_immutable_id()
    {
        var created = await CreateAsync(GraphClients.For(_server));

        var delivered = await _server.DeliverAsync(Mails.Enquiry());

        var notification = JsonNode.Parse(Assert.Single(await _receiver.WaitForAsync(1)))!["value"]![0]!;
        Assert.Equal(created.Id, notification["subscriptionId"]!.GetValue<string>());
        Assert.Equal(ClientState, notification["clientState"]!.GetValue<string>());
        Assert.Equal("created", notification["changeType"]!.GetValue<string>());
        Assert.Equal($"Users('{_server.MailboxUserId}')/Messages('{delivered.ImmutableId}')", notification["resource"]!.GetValue<string>());
        Assert.Equal(delivered.ImmutableId, notification["resourceData"]!["id"]!.GetValue<string>());
        Assert.Equal("#Microsoft.Graph.Message", notification["resourceData"]!["@odata.type"]!.GetValue<string>());
        Assert.NotNull(notification["tenantId"]);
    }

    [Fact]
    public async Task A_subscription_made_without_immutable_ids_notifies_with_the_regular_id()
    {
        await CreateAsync(GraphClients.For(_server, immutableIds: false));

        var delivered = await _server.DeliverAsync(Mails.Enquiry());

        var notification = JsonNode.Parse(Assert.Single(await _receiver.WaitForAsync(1)))!["value"]![0]!;
        Assert.Equal(delivered.Id, notification["resourceData"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_notification_that_fails_is_tried_again()
    {
        await CreateAsync(GraphClients.For(_server));
        _receiver.FailNextNotifications(2);

        await _server.DeliverAsync(Mails.Enquiry());

        Assert.Single(await _receiver.WaitForAsync(1));
        await _server.WaitForNotificationsAsync();
        Assert.Equal(3, _receiver.NotificationAttempts);
        var sent = Assert.Single(_server.Notifications, notification => notification.Kind == "change");
        Assert.Equal((202, 3), (sent.Status, sent.Attempts));
    }

    [Fact]
    public async Task A_lifecycle_event_goes_to_the_lifecycle_url_and_subscriptionRemoved_removes_the_subscription()
    {
        var created = await CreateAsync(GraphClients.For(_server));

        Assert.Equal([created.Id!], _server.SendLifecycleEvent("reauthorizationRequired"));
        var reauthorize = JsonNode.Parse((await _receiver.WaitForAsync(1))[0])!["value"]![0]!;
        Assert.Single(_server.Subscriptions);
        Assert.Equal([created.Id!], _server.SendLifecycleEvent("subscriptionRemoved", created.Id));
        var removed = JsonNode.Parse((await _receiver.WaitForAsync(2))[1])!["value"]![0]!;

        Assert.Equal("reauthorizationRequired", reauthorize["lifecycleEvent"]!.GetValue<string>());
        Assert.Equal(ClientState, reauthorize["clientState"]!.GetValue<string>());
        Assert.Equal(created.Id, reauthorize["subscriptionId"]!.GetValue<string>());
        Assert.NotNull(reauthorize["organizationId"]);
        Assert.Equal("subscriptionRemoved", removed["lifecycleEvent"]!.GetValue<string>());
        Assert.Empty(_server.Subscriptions);
        Assert.All(_server.Notifications.Where(notification => notification.Kind == "lifecycle"), notification => Assert.Equal(_receiver.LifecycleUrl.AbsoluteUri, notification.Url));
    }

    [Fact]
    public async Task Renewing_moves_the_expiry_and_deleting_removes_the_subscription()
    {
        var graph = GraphClients.For(_server);
        var created = await CreateAsync(graph);
        var later = DateTimeOffset.UtcNow.AddDays(3);

        var renewed = await graph.Subscriptions[created.Id].PatchAsync(new Subscription { ExpirationDateTime = later });
        var tooLong = await Assert.ThrowsAsync<ODataError>(() => graph.Subscriptions[created.Id].PatchAsync(new Subscription { ExpirationDateTime = DateTimeOffset.UtcNow.AddDays(8) }));
        await graph.Subscriptions[created.Id].DeleteAsync();
        var gone = await Assert.ThrowsAsync<ODataError>(() => graph.Subscriptions[created.Id].PatchAsync(new Subscription { ExpirationDateTime = later }));

        Assert.Equal(later.ToUnixTimeSeconds(), renewed!.ExpirationDateTime!.Value.ToUnixTimeSeconds());
        Assert.Equal("ExtensionError", tooLong.Error?.Code);
        Assert.Equal((404, "ResourceNotFound"), (gone.ResponseStatusCode, gone.Error?.Code));
    }

    [Fact]
    public async Task An_expired_subscription_neither_notifies_nor_can_be_renewed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await StandInServer.StartAsync(new StandInOptions { Time = time });
        var graph = GraphClients.For(server);
        var created = await CreateAsync(graph, time.GetUtcNow().AddMinutes(20));

        time.Advance(TimeSpan.FromMinutes(30));
        await server.DeliverAsync(Mails.Enquiry());
        var gone = await Assert.ThrowsAsync<ODataError>(() => graph.Subscriptions[created.Id].PatchAsync(new Subscription { ExpirationDateTime = time.GetUtcNow().AddDays(1) }));

        await server.WaitForNotificationsAsync();
        Assert.Equal((404, "ResourceNotFound"), (gone.ResponseStatusCode, gone.Error?.Code));
        Assert.Empty(server.Subscriptions);
        Assert.Empty(_receiver.Notifications);
    }

    private async Task<Subscription> CreateAsync(Microsoft.Graph.GraphServiceClient graph, DateTimeOffset? expires = null) =>
        (await graph.Subscriptions.PostAsync(new Subscription
        {
            ChangeType = "created",
            NotificationUrl = _receiver.Url.AbsoluteUri,
            LifecycleNotificationUrl = _receiver.LifecycleUrl.AbsoluteUri,
            Resource = $"users/{_server.Mailbox}/mailFolders('inbox')/messages",
            ExpirationDateTime = expires ?? DateTimeOffset.UtcNow.AddDays(2),
            ClientState = ClientState,
        }))!;
}
