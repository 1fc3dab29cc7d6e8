using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft365StandIn.Directory;
using Microsoft365StandIn.Graph;
using Microsoft365StandIn.Mail;
using Microsoft365StandIn.State;

namespace Microsoft365StandIn.Subscriptions;

/// <summary>
/// Change notification subscriptions on the shared mailbox's messages (<c>users/{mailbox}/mailFolders('inbox')/messages</c>,
/// <c>…/mailFolders/inbox/messages</c> or <c>users/{mailbox}/messages</c>): create (after the validation handshake
/// with the notification URL and the lifecycle URL), get, list, renew (<c>PATCH</c>) and delete. An expiry more
/// than 10,070 minutes ahead, or in the past, is refused; an expired subscription is gone. Unlike Graph, a
/// notification URL may be plain HTTP, for an app on this machine.
/// </summary>
internal sealed partial class SubscriptionRoutes(StandInState state, NotificationSender sender)
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(10_070);

    private const string ApplicationId = "00000000-0000-0000-0000-00000000a11c";
    private const string CreatorId = "00000000-0000-0000-0000-00000000c4ea";

    public IEnumerable<GraphRoute> Routes =>
    [
        GraphRoute.Async("POST", "^/subscriptions$", (call, _, cancellationToken) => CreateAsync(call, cancellationToken)),
        GraphRoute.Sync("GET", "^/subscriptions$", (call, _) => List(call)),
        GraphRoute.Sync("GET", "^/subscriptions/(?<id>[^/]+)$", (call, match) => WithSubscription(match, subscription => GraphResponse.WithJson(200, Json(call, subscription)))),
        GraphRoute.Sync("PATCH", "^/subscriptions/(?<id>[^/]+)$", (call, match) => WithSubscription(match, subscription => Renew(call, subscription))),
        GraphRoute.Sync("DELETE", "^/subscriptions/(?<id>[^/]+)$", (_, match) => WithSubscription(match, Delete)),
    ];

    /// <summary>Forgets subscriptions past their expiry: Graph neither notifies for them nor knows them any more.</summary>
    public void RemoveExpired()
    {
        if (state.Data.Subscriptions.RemoveAll(subscription => subscription.ExpiresAt <= state.Now) > 0)
        {
            state.MarkChanged();
        }
    }

    /// <summary>Notifies every live subscription on the mailbox's messages of a message that arrived in the inbox (under the lock).</summary>
    public void NotifyArrival(Mail.MailMessage message)
    {
        RemoveExpired();
        var mailbox = state.MailboxUser;
        foreach (var subscription in state.Data.Subscriptions.Where(subscription => IsOnMailbox(subscription.Resource) && subscription.ChangeType.Contains("created", StringComparison.OrdinalIgnoreCase)))
        {
            sender.QueueChange(subscription, mailbox.Id, MailStore.IdFor(message, subscription.UsesImmutableIds), MessageJson.Etag(message));
        }
    }

    private bool IsOnMailbox(string resource)
    {
        var match = Resource().Match(resource);
        return match.Success && state.FindUser(match.Groups["user"].Value) is { } user && state.IsMailbox(user);
    }

    private GraphResponse WithSubscription(Match match, Func<SubscriptionState, GraphResponse> handle)
    {
        RemoveExpired();
        return state.Data.Subscriptions.FirstOrDefault(subscription => subscription.Id == match.Groups["id"].Value) is { } found
            ? handle(found)
            : GraphResponse.Error(404, "ResourceNotFound", "The object was not found.");
    }

    private async Task<GraphResponse> CreateAsync(GraphCall call, CancellationToken cancellationToken)
    {
        SubscriptionState subscription;
        lock (state.Gate)
        {
            if (Check(call, out var checkedSubscription) is { } refused)
            {
                return refused;
            }

            subscription = checkedSubscription;
        }

        var validated = await sender.ValidateAsync(subscription.NotificationUrl, subscription.Id, cancellationToken);
        if (validated.Failure is null && subscription.LifecycleNotificationUrl is { Length: > 0 } lifecycleUrl)
        {
            validated = await sender.ValidateAsync(lifecycleUrl, subscription.Id, cancellationToken);
        }

        if (validated.Failure is { } failure)
        {
            return GraphResponse.Error(400, "ValidationError", failure);
        }

        lock (state.Gate)
        {
            state.Data.Subscriptions.Add(subscription);
            state.MarkChanged();
            return GraphResponse.WithJson(201, Json(call, subscription));
        }
    }

    private GraphResponse? Check(GraphCall call, out SubscriptionState subscription)
    {
        subscription = null!;
        var body = call.JsonBody();
        if (body is null)
        {
            return GraphResponse.Error(400, "InvalidRequest", "The request body must be a subscription in JSON.");
        }

        var resource = GraphJson.String(body["resource"])?.Trim() ?? "";
        var changeType = GraphJson.String(body["changeType"]) ?? "";
        var notificationUrl = GraphJson.String(body["notificationUrl"]) ?? "";
        var lifecycleUrl = GraphJson.String(body["lifecycleNotificationUrl"]);
        var clientState = GraphJson.String(body["clientState"]);
        var match = Resource().Match(resource);
        if (!match.Success)
        {
            return GraphResponse.Error(400, "InvalidRequest", $"The resource '{resource}' is not supported: the stand-in notifies about the shared mailbox's messages (users/{{mailbox}}/mailFolders('inbox')/messages or users/{{mailbox}}/messages).");
        }

        if (UserAccess.NotTheMailbox(state, match.Groups["user"].Value) is { } noAccess)
        {
            return noAccess;
        }

        var changeTypes = changeType.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (changeTypes.Length == 0 || changeTypes.Any(type => type is not ("created" or "updated" or "deleted")))
        {
            return GraphResponse.Error(400, "InvalidRequest", $"'{changeType}' is not a valid change type: use created, updated or deleted, separated by commas.");
        }

        if (!IsHttpUrl(notificationUrl) || lifecycleUrl is not null && !IsHttpUrl(lifecycleUrl))
        {
            return GraphResponse.Error(400, "InvalidRequest", "Invalid notification url: notificationUrl and lifecycleNotificationUrl must be absolute http or https URLs.");
        }

        if (clientState is { Length: > 128 })
        {
            return GraphResponse.Error(400, "InvalidRequest", "clientState holds at most 128 characters.");
        }

        if (Expiry(body) is { } wrongExpiry)
        {
            return wrongExpiry;
        }

        subscription = new SubscriptionState(
            Guid.NewGuid().ToString(),
            resource,
            string.Join(',', changeTypes),
            notificationUrl,
            lifecycleUrl,
            clientState,
            GraphJson.Timestamp(body["expirationDateTime"])!.Value,
            call.PrefersImmutableIds);
        return null;
    }

    private GraphResponse? Expiry(JsonObject body)
    {
        if (GraphJson.Timestamp(body["expirationDateTime"]) is not { } expires)
        {
            return GraphResponse.Error(400, "InvalidRequest", "expirationDateTime is required and must be a date and time.");
        }

        if (expires <= state.Now)
        {
            return GraphResponse.Error(400, "ExtensionError", "Subscription expiration must be in the future.");
        }

        return expires > state.Now + MaxLifetime
            ? GraphResponse.Error(400, "ExtensionError", "Subscription expiration can only be 10070 minutes in the future.")
            : null;
    }

    private GraphResponse Renew(GraphCall call, SubscriptionState subscription)
    {
        var body = call.JsonBody() ?? [];
        if (Expiry(body) is { } wrongExpiry)
        {
            return wrongExpiry;
        }

        var renewed = subscription with { ExpiresAt = GraphJson.Timestamp(body["expirationDateTime"])!.Value };
        state.Data.Subscriptions[state.Data.Subscriptions.IndexOf(subscription)] = renewed;
        state.MarkChanged();
        return GraphResponse.WithJson(200, Json(call, renewed));
    }

    private GraphResponse Delete(SubscriptionState subscription)
    {
        state.Data.Subscriptions.Remove(subscription);
        state.MarkChanged();
        return GraphResponse.Empty(204);
    }

    private GraphResponse List(GraphCall call)
    {
        RemoveExpired();
        return GraphResponse.WithJson(200, new JsonObject
        {
            ["@odata.context"] = $"{call.GraphBase}/$metadata#subscriptions",
            ["value"] = GraphJson.Array(state.Data.Subscriptions.Select(subscription => Json(call, subscription, context: false))),
        });
    }

    private static JsonObject Json(GraphCall call, SubscriptionState subscription, bool context = true)
    {
        var json = new JsonObject();
        if (context)
        {
            json["@odata.context"] = $"{call.GraphBase}/$metadata#subscriptions/$entity";
        }

        json["id"] = subscription.Id;
        json["resource"] = subscription.Resource;
        json["applicationId"] = ApplicationId;
        json["changeType"] = subscription.ChangeType;
        json["clientState"] = subscription.ClientState;
        json["notificationUrl"] = subscription.NotificationUrl;
        json["notificationQueryOptions"] = null;
        json["lifecycleNotificationUrl"] = subscription.LifecycleNotificationUrl;
        json["expirationDateTime"] = GraphJson.PreciseTime(subscription.ExpiresAt);
        json["creatorId"] = CreatorId;
        json["includeResourceData"] = false;
        json["latestSupportedTlsVersion"] = "v1_2";
        json["encryptionCertificate"] = null;
        json["encryptionCertificateId"] = null;
        json["notificationUrlAppId"] = null;
        return json;
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex(@"^/?users/(?<user>[^/]+)(/mailFolders(/inbox|\('inbox'\)))?/messages$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Resource();
}
