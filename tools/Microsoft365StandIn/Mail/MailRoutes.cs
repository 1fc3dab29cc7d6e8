using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft365StandIn.Directory;
using Microsoft365StandIn.Graph;
using Microsoft365StandIn.State;

namespace Microsoft365StandIn.Mail;

/// <summary>
/// The shared mailbox through Graph: messages (get, list, <c>$value</c>, <c>move</c>, <c>reply</c>, attachments,
/// delete, mark read), mail folders and child folders (<c>$filter=displayName eq '…'</c>), the inbox delta query,
/// and <c>sendMail</c>. Ids are the immutable ones for a request with <c>Prefer: IdType="ImmutableId"</c>, the
/// regular ones otherwise; either finds a message.
/// </summary>
internal sealed partial class MailRoutes(StandInState state, MailStore store, InboxDelta delta)
{
    private const string User = "^/users/(?<user>[^/]+)";
    private const string FolderSegment = @"/mailFolders(?:/(?<folder>[^/()']+)|\('(?<folder>[^']+)'\))";

    public IEnumerable<GraphRoute> Routes =>
    [
        GraphRoute.Sync("POST", $"{User}/sendMail$", (call, match) => Mailbox(match) ?? SendMail(call)),
        GraphRoute.Sync("GET", $"{User}/messages$", (call, match) => Mailbox(match) ?? List(call, folderId: null)),
        GraphRoute.Sync("GET", $"{User}/messages/(?<id>[^/]+)$", (call, match) => Mailbox(match) ?? WithMessage(match, message => Get(call, message))),
        GraphRoute.Sync("PATCH", $"{User}/messages/(?<id>[^/]+)$", (call, match) => Mailbox(match) ?? WithMessage(match, message => Update(call, message))),
        GraphRoute.Sync("DELETE", $"{User}/messages/(?<id>[^/]+)$", (_, match) => Mailbox(match) ?? WithMessage(match, Delete)),
        GraphRoute.Sync("GET", $@"{User}/messages/(?<id>[^/]+)/\$value$", (_, match) => Mailbox(match) ?? WithMessage(match, message => GraphResponse.WithBytes(200, "text/plain", message.Mime))),
        GraphRoute.Sync("GET", $"{User}/messages/(?<id>[^/]+)/attachments$", (call, match) => Mailbox(match) ?? WithMessage(match, message => Attachments(call, message))),
        GraphRoute.Sync("POST", $"{User}/messages/(?<id>[^/]+)/move$", (call, match) => Mailbox(match) ?? WithMessage(match, message => Move(call, message))),
        GraphRoute.Sync("POST", $"{User}/messages/(?<id>[^/]+)/reply$", (call, match) => Mailbox(match) ?? WithMessage(match, message => Reply(call, message))),
        GraphRoute.Sync("POST", $"{User}/messages$", (call, match) => Mailbox(match) ?? CreateDraft(call)),
        GraphRoute.Sync("POST", $"{User}/messages/(?<id>[^/]+)/createReply$", (call, match) => Mailbox(match) ?? WithMessage(match, message => CreateReply(call, message))),
        GraphRoute.Sync("POST", $"{User}/messages/(?<id>[^/]+)/send$", (call, match) => Mailbox(match) ?? WithMessage(match, message => Send(message))),
        GraphRoute.Sync("GET", $"{User}/mailFolders$", (call, match) => Mailbox(match) ?? Folders(call, parentId: null)),
        GraphRoute.Sync("GET", $"{User}{FolderSegment}$", (call, match) => Mailbox(match) ?? WithFolder(match, folder => GraphResponse.WithJson(200, FolderJson(call, folder)))),
        GraphRoute.Sync("GET", $"{User}{FolderSegment}/childFolders$", (call, match) => Mailbox(match) ?? WithFolder(match, folder => Folders(call, folder.Id))),
        GraphRoute.Sync("POST", $"{User}{FolderSegment}/childFolders$", (call, match) => Mailbox(match) ?? WithFolder(match, folder => CreateFolder(call, folder))),
        GraphRoute.Sync("GET", $@"{User}{FolderSegment}/messages/delta(\(\))?$", (call, match) => Mailbox(match) ?? WithFolder(match, folder => folder.Id == WellKnownFolders.InboxId
            ? delta.Answer(call)
            : GraphResponse.Error(400, "ErrorInvalidRequest", "The stand-in keeps a delta query for the inbox only."))),
        GraphRoute.Sync("GET", $"{User}{FolderSegment}/messages$", (call, match) => Mailbox(match) ?? WithFolder(match, folder => List(call, folder.Id))),
    ];

    private GraphResponse? Mailbox(Match match) => UserAccess.NotTheMailbox(state, match.Groups["user"].Value);

    private GraphResponse WithMessage(Match match, Func<MailMessage, GraphResponse> handle) =>
        store.Find(match.Groups["id"].Value) is { } message ? handle(message) : GraphResponse.NotFound();

    private GraphResponse WithFolder(Match match, Func<MailFolderState, GraphResponse> handle) =>
        store.Folder(match.Groups["folder"].Value) is { } folder ? handle(folder) : GraphResponse.NotFound();

    private GraphResponse Get(GraphCall call, MailMessage message)
    {
        var expand = call.Query("$expand") is { } expanded && expanded.Contains("attachments", StringComparison.OrdinalIgnoreCase);
        var json = MessageJson.Render(message, call.PrefersImmutableIds, call.Query("$select"), expand);
        json["@odata.context"] = $"{call.GraphBase}/$metadata#users('{Uri.EscapeDataString(state.Mailbox)}')/messages/$entity";
        return GraphResponse.WithJson(200, json);
    }

    private GraphResponse Update(GraphCall call, MailMessage message)
    {
        var body = call.JsonBody() ?? throw new GraphRequestException(400, "ErrorInvalidRequest", "The request body must be a JSON object.");
        if (message.IsDraft && message.DraftJson is { } json)
        {
            // A draft takes changes to what it will send; the rest of a message is Exchange's.
            var draft = JsonNode.Parse(json)!.AsObject();
            foreach (var property in new[] { "subject", "body", "toRecipients", "ccRecipients", "bccRecipients" })
            {
                if (body[property] is { } value)
                {
                    draft[property] = value.DeepClone();
                }
            }

            var updated = SaveDraft(draft, message.DraftAnswers is { } answers ? store.Find(answers) : null, comment: null, replacing: message);
            return GraphResponse.WithJson(200, MessageJson.Render(updated, call.PrefersImmutableIds, select: null));
        }

        if (GraphJson.Bool(body["isRead"]) is { } isRead)
        {
            message.IsRead = isRead;
            message.Version++;
            message.LastModifiedAt = state.Now;
            state.MarkChanged();
        }

        return GraphResponse.WithJson(200, MessageJson.Render(message, call.PrefersImmutableIds, select: null));
    }

    private GraphResponse Delete(MailMessage message)
    {
        store.Delete(message);
        return GraphResponse.Empty(204);
    }

    private GraphResponse Attachments(GraphCall call, MailMessage message) => GraphResponse.WithJson(200, new JsonObject
    {
        ["@odata.context"] = $"{call.GraphBase}/$metadata#users('{Uri.EscapeDataString(state.Mailbox)}')/messages('{MailStore.IdFor(message, call.PrefersImmutableIds)}')/attachments",
        ["value"] = GraphJson.Array(message.Attachments.Select(attachment => MessageJson.Attachment(attachment, message))),
    });

    private GraphResponse Move(GraphCall call, MailMessage message)
    {
        var destination = GraphJson.String(call.JsonBody()?["destinationId"]);
        if (destination is null || store.Folder(destination) is not { } folder)
        {
            return GraphResponse.NotFound();
        }

        store.Move(message, folder.Id);
        var json = MessageJson.Render(message, call.PrefersImmutableIds, select: null);
        json["@odata.context"] = $"{call.GraphBase}/$metadata#users('{Uri.EscapeDataString(state.Mailbox)}')/messages/$entity";
        return GraphResponse.WithJson(201, json);
    }

    /// <summary>
    /// Replies from the mailbox to the original's Reply-To, else its From: "RE: " and the subject, In-Reply-To and
    /// References naming the original, the same conversation; kept in Sent Items. As Graph documents it, the body is
    /// either <c>comment</c> or <c>message.body</c>, not both.
    /// </summary>
    private GraphResponse Reply(GraphCall call, MailMessage original)
    {
        var body = call.JsonBody() ?? [];
        var comment = GraphJson.String(body["comment"]);
        var message = body["message"] as JsonObject ?? [];
        if (comment is not null && message["body"] is not null)
        {
            return GraphResponse.Error(400, "ErrorInvalidRequest", "Specify either a comment or the body property of the message parameter, not both.");
        }

        var replyTo = original.ReplyTo.Count > 0 ? original.ReplyTo : original.From is { } from ? [from] : [];
        var subject = original.Subject.StartsWith("RE:", StringComparison.OrdinalIgnoreCase) ? original.Subject : $"RE: {original.Subject}";
        var composed = MailComposer.Compose(message, state.MailboxUser, "reply", state.Now, replyTo, subject, comment, original);
        // The References naming the original put the reply into the original's conversation.
        store.StoreSent(composed.Mime, saveToSentItems: true, composed.Sent);
        return GraphResponse.Empty(202);
    }

    /// <summary><c>POST messages</c>: a draft in Drafts, from the message JSON given; sent later with <c>send</c>.</summary>
    private GraphResponse CreateDraft(GraphCall call)
    {
        var message = call.JsonBody() ?? throw new GraphRequestException(400, "ErrorInvalidRequest", "The request body must be a JSON object.");
        var draft = SaveDraft(message, original: null, comment: null, replacing: null);
        return GraphResponse.WithJson(201, MessageJson.Render(draft, call.PrefersImmutableIds, select: null));
    }

    /// <summary>
    /// <c>createReply</c>: the reply as a draft, addressed and subjected as <see cref="Reply"/> would send it, with
    /// <c>comment</c> or <c>message.body</c> as its body.
    /// </summary>
    private GraphResponse CreateReply(GraphCall call, MailMessage original)
    {
        var body = call.JsonBody() ?? [];
        var comment = GraphJson.String(body["comment"]);
        var message = (body["message"] as JsonObject)?.DeepClone().AsObject() ?? [];
        if (comment is not null && message["body"] is not null)
        {
            return GraphResponse.Error(400, "ErrorInvalidRequest", "Specify either a comment or the body property of the message parameter, not both.");
        }

        var replyTo = original.ReplyTo.Count > 0 ? original.ReplyTo : original.From is { } from ? [from] : [];
        message["toRecipients"] ??= GraphJson.Array(replyTo.Select(address => new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = address.Name, ["address"] = address.Address } }));
        message["subject"] ??= original.Subject.StartsWith("RE:", StringComparison.OrdinalIgnoreCase) ? original.Subject : $"RE: {original.Subject}";
        var draft = SaveDraft(message, original, comment, replacing: null);
        return GraphResponse.WithJson(201, MessageJson.Render(draft, call.PrefersImmutableIds, select: null));
    }

    /// <summary>
    /// <c>send</c>: a draft goes out as it stands and moves to Sent Items, keeping its immutable id (so a client that
    /// kept the id can tell that it went); anything but a draft is refused.
    /// </summary>
    private GraphResponse Send(MailMessage draft)
    {
        if (!draft.IsDraft || draft.DraftJson is not { } json)
        {
            return GraphResponse.Error(400, "ErrorInvalidOperation", "Only a draft can be sent: the item was sent already, or is not a draft.");
        }

        var original = draft.DraftAnswers is { } answers ? store.Find(answers) : null;
        var composed = MailComposer.Compose(JsonNode.Parse(json)!.AsObject(), state.MailboxUser, original is null ? "sendMail" : "reply", state.Now, original: original);
        store.Delete(draft);
        store.StoreSent(composed.Mime, saveToSentItems: true, composed.Sent, draft.ImmutableId);
        return GraphResponse.Empty(202);
    }

    private MailMessage SaveDraft(JsonObject message, MailMessage? original, string? comment, MailMessage? replacing)
    {
        var composed = MailComposer.Compose(message, state.MailboxUser, original is null ? "sendMail" : "reply", state.Now, comment: comment, original: original);
        if (comment is not null)
        {
            // The comment becomes the draft's body, which is what send sends.
            message["body"] = new JsonObject { ["contentType"] = "html", ["content"] = composed.Sent.Html };
        }

        return store.SaveDraft(composed.Mime, message.ToJsonString(), original?.ImmutableId, replacing);
    }

    private GraphResponse SendMail(GraphCall call)
    {
        var body = call.JsonBody();
        if (body?["message"] is not JsonObject message)
        {
            return GraphResponse.Error(400, "ErrorInvalidRequest", "The message parameter is required.");
        }

        var save = GraphJson.Bool(body["saveToSentItems"]) ?? true;
        var composed = MailComposer.Compose(message, state.MailboxUser, "sendMail", state.Now);
        store.StoreSent(composed.Mime, save, composed.Sent);
        return GraphResponse.Empty(202);
    }

    /// <summary>
    /// A folder's messages (or the whole mailbox's), newest first unless <c>$orderby</c> says otherwise, paged by
    /// <c>$top</c> (default 10) with an <c>@odata.nextLink</c>. <c>$filter</c> takes <c>eq</c> on
    /// internetMessageId, subject or conversationId; Graph cannot filter on <c>internetMessageHeaders</c>, so a
    /// client that looks for a header selects them (<c>$select=internetMessageHeaders</c>) and reads the pages.
    /// </summary>
    private GraphResponse List(GraphCall call, string? folderId)
    {
        IEnumerable<MailMessage> messages = folderId is null ? state.Data.Messages : store.In(folderId);
        if (call.Query("$filter") is { } filter)
        {
            var match = EqualsFilter().Match(filter);
            if (!match.Success)
            {
                return GraphResponse.Error(400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
            }

            var value = match.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal);
            messages = match.Groups["property"].Value.ToUpperInvariant() switch
            {
                "INTERNETMESSAGEID" => messages.Where(message => message.InternetMessageId == value),
                "CONVERSATIONID" => messages.Where(message => message.ConversationId == value),
                _ => messages.Where(message => string.Equals(message.Subject, value, StringComparison.OrdinalIgnoreCase)),
            };
        }

        var orderBy = (call.Query("$orderby") ?? "receivedDateTime desc").Trim();
        var ordered = orderBy.ToUpperInvariant() switch
        {
            "RECEIVEDDATETIME DESC" => messages.OrderByDescending(message => message.ReceivedAt),
            "RECEIVEDDATETIME" or "RECEIVEDDATETIME ASC" => messages.OrderBy(message => message.ReceivedAt),
            "SENTDATETIME DESC" => messages.OrderByDescending(message => message.SentAt ?? message.ReceivedAt),
            "SENTDATETIME" or "SENTDATETIME ASC" => messages.OrderBy(message => message.SentAt ?? message.ReceivedAt),
            _ => null,
        };
        if (ordered is null)
        {
            return GraphResponse.Error(400, "ErrorInvalidProperty", $"The stand-in cannot order messages by '{orderBy}'.");
        }

        var top = int.TryParse(call.Query("$top"), NumberStyles.None, CultureInfo.InvariantCulture, out var given) ? Math.Clamp(given, 1, 1000) : 10;
        var skip = int.TryParse(call.Query("$skip"), NumberStyles.None, CultureInfo.InvariantCulture, out var skipped) ? skipped : 0;
        var all = ordered.ThenBy(message => message.ImmutableId, StringComparer.Ordinal).ToList();
        var select = call.Query("$select");
        var body = new JsonObject
        {
            ["@odata.context"] = $"{call.GraphBase}/$metadata#users('{Uri.EscapeDataString(state.Mailbox)}')/messages",
            ["value"] = GraphJson.Array(all.Skip(skip).Take(top).Select(message => MessageJson.Render(message, call.PrefersImmutableIds, select))),
        };
        if (skip + top < all.Count)
        {
            var query = call.Request.Query
                .Where(pair => !pair.Key.Equals("$skip", StringComparison.OrdinalIgnoreCase))
                .Select(pair => $"{pair.Key}={Uri.EscapeDataString(pair.Value.ToString())}")
                .Append($"$skip={(skip + top).ToString(CultureInfo.InvariantCulture)}");
            if (!call.Request.Query.ContainsKey("$top"))
            {
                query = query.Append($"$top={top.ToString(CultureInfo.InvariantCulture)}");
            }

            body["@odata.nextLink"] = $"{call.GraphBase}{call.Path}?{string.Join('&', query)}";
        }

        return GraphResponse.WithJson(200, body);
    }

    private GraphResponse Folders(GraphCall call, string? parentId)
    {
        IEnumerable<MailFolderState> folders = state.Data.Folders.Where(folder => folder.ParentFolderId == parentId);
        if (call.Query("$filter") is { } filter)
        {
            var match = DisplayNameFilter().Match(filter);
            if (!match.Success)
            {
                return GraphResponse.Error(400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
            }

            var name = match.Groups["name"].Value.Replace("''", "'", StringComparison.Ordinal);
            folders = folders.Where(folder => string.Equals(folder.DisplayName, name, StringComparison.OrdinalIgnoreCase));
        }

        var context = parentId is null ? "mailFolders" : $"mailFolders('{parentId}')/childFolders";
        return GraphResponse.WithJson(200, new JsonObject
        {
            ["@odata.context"] = $"{call.GraphBase}/$metadata#users('{Uri.EscapeDataString(state.Mailbox)}')/{context}",
            ["value"] = GraphJson.Array(folders.Select(folder => GraphJson.Select(FolderJson(call, folder), call.Query("$select")))),
        });
    }

    private GraphResponse CreateFolder(GraphCall call, MailFolderState parent)
    {
        var name = GraphJson.String(call.JsonBody()?["displayName"]);
        if (string.IsNullOrWhiteSpace(name))
        {
            return GraphResponse.Error(400, "ErrorInvalidRequest", "The displayName is required.");
        }

        if (state.Data.Folders.Any(folder => folder.ParentFolderId == parent.Id && string.Equals(folder.DisplayName, name, StringComparison.OrdinalIgnoreCase)))
        {
            return GraphResponse.Error(409, "ErrorFolderExists", "A folder with the specified name already exists.");
        }

        var created = store.AddFolder(name, parent.Id);
        var json = FolderJson(call, created);
        json["@odata.context"] = $"{call.GraphBase}/$metadata#users('{Uri.EscapeDataString(state.Mailbox)}')/mailFolders('{parent.Id}')/childFolders/$entity";
        return GraphResponse.WithJson(201, json);
    }

    private JsonObject FolderJson(GraphCall call, MailFolderState folder)
    {
        var messages = store.In(folder.Id).ToList();
        return new JsonObject
        {
            ["id"] = folder.Id,
            ["displayName"] = folder.DisplayName,
            ["parentFolderId"] = folder.ParentFolderId ?? "AQMkADOPEAAAuAAAARootAAA=",
            ["childFolderCount"] = state.Data.Folders.Count(child => child.ParentFolderId == folder.Id),
            ["unreadItemCount"] = messages.Count(message => !message.IsRead),
            ["totalItemCount"] = messages.Count,
            ["sizeInBytes"] = messages.Sum(message => (long)message.Mime.Length),
            ["isHidden"] = false,
        };
    }

    [GeneratedRegex(@"^\s*displayName\s+eq\s+'(?<name>(?:[^']|'')*)'\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DisplayNameFilter();

    [GeneratedRegex(@"^\s*(?<property>internetMessageId|subject|conversationId)\s+eq\s+'(?<value>(?:[^']|'')*)'\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EqualsFilter();
}
