using System.Text.Json.Nodes;
using Microsoft365StandIn.Graph;
using Microsoft365StandIn.Planner;

namespace Microsoft365StandIn.State;

/// <summary>
/// The document <c>GET /standin/state</c> answers and the page is drawn from, in the shape agreed for it
/// (camelCase, UTC times, arrays in creation order). Built under the state's lock.
/// </summary>
internal static class StateSnapshot
{
    private const int MaxText = 4_000;

    public static JsonObject Build(StandInState state)
    {
        var data = state.Data;
        return new JsonObject
        {
            ["generatedAt"] = GraphJson.Time(state.Now),
            ["mailbox"] = state.Mailbox,
            ["users"] = GraphJson.Array(data.Users.Select(user => new JsonObject
            {
                ["id"] = user.Id,
                ["displayName"] = user.DisplayName,
                ["mail"] = user.Mail,
                ["userPrincipalName"] = user.UserPrincipalName,
            })),
            ["mailFolders"] = GraphJson.Array(data.Folders.Select(folder => new JsonObject
            {
                ["id"] = folder.Id,
                ["displayName"] = folder.DisplayName,
                ["parentFolderId"] = folder.ParentFolderId,
                ["messages"] = GraphJson.Array(data.Messages.Where(message => message.FolderId == folder.Id).Select(message => new JsonObject
                {
                    ["id"] = message.Id,
                    ["immutableId"] = message.ImmutableId,
                    ["internetMessageId"] = message.InternetMessageId,
                    ["subject"] = message.Subject,
                    ["from"] = message.From?.Address,
                    ["to"] = Strings(message.To.Select(address => address.Address)),
                    ["receivedDateTime"] = GraphJson.Time(message.ReceivedAt),
                    ["text"] = message.Text.Length > MaxText ? message.Text[..MaxText] : message.Text,
                })),
            })),
            ["sentMail"] = GraphJson.Array(data.SentMail.Select(sent => new JsonObject
            {
                ["id"] = sent.Id,
                ["kind"] = sent.Kind,
                ["sentDateTime"] = GraphJson.Time(sent.SentAt),
                ["from"] = sent.From,
                ["to"] = Strings(sent.To),
                ["subject"] = sent.Subject,
                ["text"] = sent.Text,
                ["html"] = sent.Html,
                ["headers"] = new JsonObject(sent.Headers.Select(header => KeyValuePair.Create(header.Key, (JsonNode?)header.Value))),
                ["inlineImages"] = Images(sent.InlineImages),
                ["inReplyToMessageId"] = sent.InReplyToMessageId,
            })),
            ["calendars"] = GraphJson.Array(data.Users
                .Where(user => data.Events.Any(item => item.UserId == user.Id))
                .Select(user => new JsonObject
                {
                    ["userId"] = user.Id,
                    ["owner"] = user.Mail,
                    ["displayName"] = user.DisplayName,
                    ["events"] = GraphJson.Array(data.Events.Where(item => item.UserId == user.Id).Select(item => new JsonObject
                    {
                        ["id"] = item.Id,
                        ["subject"] = item.Subject,
                        ["start"] = GraphJson.Time(item.Start),
                        ["end"] = GraphJson.Time(item.End),
                        ["showAs"] = item.ShowAs,
                        ["transactionId"] = item.TransactionId,
                        ["categories"] = Strings(item.Categories),
                        ["bodyContentType"] = item.BodyContentType,
                        ["body"] = item.Body,
                        ["webLink"] = $"https://outlook.office365.com/owa/?itemid={Uri.EscapeDataString(item.Id)}&exvsurl=1&path=/calendar/item",
                    })),
                })),
            ["planner"] = new JsonObject
            {
                ["plans"] = new JsonArray(new JsonObject
                {
                    ["id"] = ScreeningPlan.PlanId,
                    ["title"] = ScreeningPlan.Title,
                    ["buckets"] = new JsonArray(new JsonObject
                    {
                        ["id"] = ScreeningPlan.BucketId,
                        ["name"] = ScreeningPlan.BucketName,
                        ["tasks"] = GraphJson.Array(data.PlannerTasks.Where(task => task.BucketId == ScreeningPlan.BucketId).OrderBy(task => task.CreatedAt).Select(task => new JsonObject
                        {
                            ["id"] = task.Id,
                            ["title"] = task.Title,
                            ["dueDateTime"] = task.DueAt is { } due ? GraphJson.Time(due) : null,
                            ["createdDateTime"] = GraphJson.Time(task.CreatedAt),
                            ["percentComplete"] = task.PercentComplete,
                            ["assignees"] = GraphJson.Array(task.Assignments.Select(assignment => new JsonObject
                            {
                                ["id"] = assignment.Key,
                                ["displayName"] = data.Users.FirstOrDefault(user => string.Equals(user.Id, assignment.Key, StringComparison.OrdinalIgnoreCase))?.DisplayName,
                            })),
                            ["description"] = task.Description,
                            ["previewType"] = task.PreviewType,
                        })),
                    }),
                }),
            },
            ["teams"] = new JsonObject
            {
                ["channels"] = GraphJson.Array(data.TeamsPosts.Select(post => post.Channel).Distinct(StringComparer.OrdinalIgnoreCase).Select(channel => new JsonObject
                {
                    ["name"] = channel,
                    ["messages"] = GraphJson.Array(data.TeamsPosts.Where(post => string.Equals(post.Channel, channel, StringComparison.OrdinalIgnoreCase)).Select(post => new JsonObject
                    {
                        ["receivedAt"] = GraphJson.Time(post.ReceivedAt),
                        ["cards"] = GraphJson.Array((post.Message["attachments"] as JsonArray ?? []).Select(card => new JsonObject
                        {
                            ["contentType"] = card?["contentType"]?.DeepClone(),
                            ["content"] = card?["content"]?.DeepClone(),
                        })),
                    })),
                })),
            },
            ["acsMails"] = GraphJson.Array(data.AcsOperations.Select(operation => new JsonObject
            {
                ["operationId"] = operation.OperationId,
                ["status"] = operation.Status,
                ["senderAddress"] = operation.SenderAddress,
                ["to"] = Strings(operation.To),
                ["subject"] = operation.Subject,
                ["html"] = operation.Html,
                ["plainText"] = operation.PlainText,
                ["inlineImages"] = Images(operation.InlineImages),
                ["receivedAt"] = GraphJson.Time(operation.ReceivedAt),
            })),
            ["subscriptions"] = GraphJson.Array(data.Subscriptions.Where(subscription => subscription.ExpiresAt > state.Now).Select(subscription => new JsonObject
            {
                ["id"] = subscription.Id,
                ["resource"] = subscription.Resource,
                ["changeType"] = subscription.ChangeType,
                ["notificationUrl"] = subscription.NotificationUrl,
                ["lifecycleNotificationUrl"] = subscription.LifecycleNotificationUrl,
                ["expirationDateTime"] = GraphJson.Time(subscription.ExpiresAt),
            })),
            ["faults"] = GraphJson.Array(state.Faults.Queued.Select(fault => new JsonObject
            {
                ["status"] = fault.Status,
                ["remaining"] = fault.Remaining,
                ["retryAfterSeconds"] = fault.RetryAfterSeconds,
                ["latencyMs"] = fault.LatencyMs,
                ["pathContains"] = fault.PathContains,
            }).Concat(state.Faults.Graph.Where(fault => fault.Remaining > 0).Select(fault => new JsonObject
            {
                ["status"] = fault.Status,
                ["remaining"] = fault.Remaining,
                ["retryAfterSeconds"] = fault.RetryAfter is { } wait ? (int)wait.TotalSeconds : null,
                ["latencyMs"] = 0,
                ["pathContains"] = fault.Path.ToString(),
            }))),
        };
    }

    private static JsonArray Strings(IEnumerable<string> values) => GraphJson.Array(values.Select(value => (JsonNode)JsonValue.Create(value)));

    private static JsonArray Images(IEnumerable<InlineImage> images) => GraphJson.Array(images.Select(image => new JsonObject
    {
        ["contentId"] = image.ContentId,
        ["contentType"] = image.ContentType,
        ["contentBytes"] = image.ContentBytes,
    }));
}
