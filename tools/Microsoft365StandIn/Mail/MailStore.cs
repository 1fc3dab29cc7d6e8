using Microsoft365StandIn.State;
using MimeKit;

namespace Microsoft365StandIn.Mail;

/// <summary>
/// The shared mailbox's folders and messages, changed as Exchange changes them: a delivered or moved message
/// gets a new regular id (its immutable id stays), and every message that comes into or leaves the inbox is
/// numbered as an inbox change for the delta query. Used only under the state's lock.
/// </summary>
internal sealed class MailStore(StandInState state)
{
    /// <summary>Raised under the lock when a message arrives in the inbox, for change notifications.</summary>
    public event Action<MailMessage>? ArrivedInInbox;

    private StandInData Data => state.Data;

    public void EnsureFolders()
    {
        foreach (var folder in WellKnownFolders.All.Where(folder => Data.Folders.All(existing => existing.Id != folder.Id)))
        {
            Data.Folders.Add(folder);
        }
    }

    /// <summary>A message by its regular or its immutable id; a regular id it had before a move finds nothing.</summary>
    public MailMessage? Find(string id) =>
        Data.Messages.FirstOrDefault(message => message.Id == id) ?? Data.Messages.FirstOrDefault(message => message.ImmutableId == id);

    public static string IdFor(MailMessage message, bool immutable) => immutable ? message.ImmutableId : message.Id;

    /// <summary>A folder by id or well-known name (<c>inbox</c>, <c>sentitems</c>, <c>deleteditems</c>).</summary>
    public MailFolderState? Folder(string key)
    {
        var id = WellKnownFolders.Resolve(key);
        return Data.Folders.FirstOrDefault(folder => folder.Id == id);
    }

    public IEnumerable<MailMessage> In(string folderId) => Data.Messages.Where(message => message.FolderId == folderId);

    public MailFolderState AddFolder(string displayName, string parentFolderId)
    {
        var folder = new MailFolderState(Ids.New("AAMkADfolder"), displayName, parentFolderId);
        Data.Folders.Add(folder);
        state.MarkChanged();
        return folder;
    }

    /// <summary>Delivers a parsed mail into the inbox as Exchange would: new ids, received now, a Message-ID added when it had none.</summary>
    public MailMessage Deliver(byte[] mime, MimeMessage parsed)
    {
        var internetMessageId = parsed.MessageId is { Length: > 0 } given ? $"<{given}>" : null;
        if (internetMessageId is null)
        {
            internetMessageId = $"<{Guid.NewGuid():N}@{Domain}>";
            mime = [.. System.Text.Encoding.ASCII.GetBytes($"Message-ID: {internetMessageId}\r\n"), .. mime];
        }

        var now = state.Now;
        var message = FromMime(parsed, mime, WellKnownFolders.InboxId, internetMessageId, now, sentAt: parsed.Date == DateTimeOffset.MinValue ? now : parsed.Date);
        Data.Messages.Add(message);
        Data.InboxChanges.Add(new InboxChange(state.NextSequence(), message.ImmutableId, message.Id, Removed: false));
        state.MarkChanged();
        ArrivedInInbox?.Invoke(message);
        return message;
    }

    /// <summary>
    /// Keeps a draft in Drafts: its MIME as it would be sent now, and its Graph JSON to send it from. A draft made
    /// again from changed JSON (PATCH) replaces the old one and keeps its ids, as Exchange keeps an item's ids.
    /// </summary>
    public MailMessage SaveDraft(MimeMessage mime, string json, string? answers, MailMessage? replacing = null)
    {
        using var buffer = new MemoryStream();
        mime.WriteTo(buffer);
        var now = state.Now;
        var made = FromMime(mime, buffer.ToArray(), WellKnownFolders.DraftsId, $"<{mime.MessageId}>", now, now);
        var draft = new MailMessage
        {
            Id = replacing?.Id ?? made.Id,
            ImmutableId = replacing?.ImmutableId ?? made.ImmutableId,
            FolderId = WellKnownFolders.DraftsId,
            Mime = made.Mime,
            CreatedAt = replacing?.CreatedAt ?? now,
            ReceivedAt = replacing?.CreatedAt ?? now,
            SentAt = null,
            LastModifiedAt = now,
            ConversationId = made.ConversationId,
            InternetMessageId = made.InternetMessageId,
            Subject = made.Subject,
            From = made.From,
            To = made.To,
            Cc = made.Cc,
            ReplyTo = made.ReplyTo,
            References = made.References,
            Text = made.Text,
            Html = made.Html,
            Headers = made.Headers,
            Attachments = made.Attachments,
            IsRead = true,
            IsDraft = true,
            DraftJson = json,
            DraftAnswers = answers,
            Version = (replacing?.Version ?? 0) + 1,
        };
        if (replacing is not null)
        {
            Data.Messages.Remove(replacing);
        }

        Data.Messages.Add(draft);
        state.MarkChanged();
        return draft;
    }

    /// <summary>Keeps a mail the mailbox sent in Sent Items (when asked to) and in the list of sent mail; a sent draft keeps its immutable id.</summary>
    public MailMessage StoreSent(MimeMessage mime, bool saveToSentItems, SentMailItem sent, string? immutableId = null)
    {
        using var buffer = new MemoryStream();
        mime.WriteTo(buffer);
        var now = state.Now;
        var message = FromMime(mime, buffer.ToArray(), WellKnownFolders.SentItemsId, $"<{mime.MessageId}>", now, now, immutableId);
        message.IsRead = true;
        if (saveToSentItems)
        {
            Data.Messages.Add(message);
        }

        Data.SentMail.Add(sent with { Id = message.Id, InternetMessageId = message.InternetMessageId });
        state.MarkChanged();
        if (mime.To.Mailboxes.Concat(mime.Cc.Mailboxes).Any(address => string.Equals(address.Address, state.Mailbox, StringComparison.OrdinalIgnoreCase)))
        {
            // Mail to the shared mailbox itself is delivered to its inbox, as Exchange would.
            Deliver(message.Mime, mime);
        }

        return message;
    }

    /// <summary>Moves a message; a move to another folder gives it a new regular id, and leaving or entering the inbox is an inbox change.</summary>
    public void Move(MailMessage message, string folderId)
    {
        if (message.FolderId == folderId)
        {
            return;
        }

        var before = message.Id;
        var wasInInbox = message.FolderId == WellKnownFolders.InboxId;
        message.Id = Ids.New("AAMkAD");
        message.FolderId = folderId;
        message.LastModifiedAt = state.Now;
        message.Version++;
        if (wasInInbox)
        {
            Data.InboxChanges.Add(new InboxChange(state.NextSequence(), message.ImmutableId, before, Removed: true));
        }
        else if (folderId == WellKnownFolders.InboxId)
        {
            Data.InboxChanges.Add(new InboxChange(state.NextSequence(), message.ImmutableId, message.Id, Removed: false));
        }

        state.MarkChanged();
    }

    public void Delete(MailMessage message)
    {
        Data.Messages.Remove(message);
        if (message.FolderId == WellKnownFolders.InboxId)
        {
            Data.InboxChanges.Add(new InboxChange(state.NextSequence(), message.ImmutableId, message.Id, Removed: true));
        }

        state.MarkChanged();
    }

    public string FolderName(string folderId) => Data.Folders.FirstOrDefault(folder => folder.Id == folderId)?.DisplayName ?? folderId;

    private string Domain => state.Mailbox[(state.Mailbox.IndexOf('@', StringComparison.Ordinal) + 1)..];

    private MailMessage FromMime(MimeMessage parsed, byte[] mime, string folderId, string internetMessageId, DateTimeOffset receivedAt, DateTimeOffset sentAt, string? immutableId = null)
    {
        var references = parsed.References.Select(reference => $"<{reference}>").ToList();
        if (parsed.InReplyTo is { Length: > 0 } inReplyTo)
        {
            references.Add($"<{inReplyTo}>");
        }

        var conversation = Data.Messages.FirstOrDefault(existing => references.Contains(existing.InternetMessageId, StringComparer.Ordinal))?.ConversationId
            ?? Ids.New("AAQkAD");
        return new MailMessage
        {
            Id = Ids.New("AAMkAD"),
            ImmutableId = immutableId ?? Ids.New("AAkALgAA"),
            FolderId = folderId,
            Mime = mime,
            CreatedAt = receivedAt,
            ReceivedAt = receivedAt,
            SentAt = sentAt,
            LastModifiedAt = receivedAt,
            ConversationId = conversation,
            InternetMessageId = internetMessageId,
            Subject = parsed.Subject ?? "",
            From = MimeReader.First(parsed.From) ?? (parsed.Sender is { } sender ? new MailAddress(sender.Name ?? "", sender.Address) : null),
            To = MimeReader.All(parsed.To),
            Cc = MimeReader.All(parsed.Cc),
            ReplyTo = MimeReader.All(parsed.ReplyTo),
            References = references,
            Text = MimeReader.Text(parsed),
            Html = parsed.HtmlBody,
            Headers = MimeReader.Headers(parsed),
            Attachments = MimeReader.Attachments(parsed),
        };
    }
}
