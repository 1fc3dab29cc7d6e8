using System.Text;
using Microsoft365StandIn.Mail;

namespace Microsoft365StandIn;

/// <summary>The shared mailbox, for tests.</summary>
public sealed partial class StandInServer
{
    /// <summary>The inbox's id (also reachable as the well-known name <c>inbox</c>).</summary>
    public const string InboxId = WellKnownFolders.InboxId;

    public const string SentItemsId = WellKnownFolders.SentItemsId;

    public const string DeletedItemsId = WellKnownFolders.DeletedItemsId;

    /// <summary>How many entries a delta page holds before an <c>@odata.nextLink</c> (unless the client prefers fewer).</summary>
    public int DeltaPageSize
    {
        get => Locked(() => _state.DeltaPageSize);
        set => Locked(() => _state.DeltaPageSize = value);
    }

    /// <summary>Every folder of the mailbox: Inbox, Sent Items, Deleted Items and the child folders made since.</summary>
    public IReadOnlyList<MailFolderState> MailFolders => Locked(() => (IReadOnlyList<MailFolderState>)[.. _state.Data.Folders]);

    /// <summary>The inbox's child folders.</summary>
    public IReadOnlyList<MailFolderState> InboxChildFolders =>
        Locked(() => (IReadOnlyList<MailFolderState>)[.. _state.Data.Folders.Where(folder => folder.ParentFolderId == InboxId)]);

    /// <summary>Everything the mailbox sent (<c>sendMail</c>, <c>reply</c>), oldest first.</summary>
    public IReadOnlyList<SentMailItem> SentMail => Locked(() => (IReadOnlyList<SentMailItem>)[.. _state.Data.SentMail]);

    /// <summary>
    /// Delivers a mail to the inbox, as <c>POST /standin/inbox</c> does (new ids, received now, a notification to
    /// every live subscription), and returns its <b>immutable</b> id: the id the app, which always asks for
    /// immutable ids, sees and addresses it by.
    /// </summary>
    public string StageMessage(string mime) => StageMessage(Encoding.UTF8.GetBytes(mime));

    /// <inheritdoc cref="StageMessage(string)"/>
    public string StageMessage(byte[] mime) => _services.Delivery.Deliver(mime).ImmutableId;

    /// <summary>Delivers a mail to the inbox, as <c>POST /standin/inbox</c> does; all its ids.</summary>
    /// <exception cref="FormatException">The bytes are not an Internet message.</exception>
    public Task<DeliveredMessage> DeliverAsync(byte[] mime, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_services.Delivery.Deliver(mime));
    }

    /// <inheritdoc cref="DeliverAsync(byte[], CancellationToken)"/>
    public Task<DeliveredMessage> DeliverAsync(string mime, CancellationToken cancellationToken = default) => DeliverAsync(Encoding.UTF8.GetBytes(mime), cancellationToken);

    /// <summary>Deletes a message (by either id), as a person in Outlook would; the next delta reports it <c>@removed</c>.</summary>
    public void DeleteMessage(string id) => Locked(() =>
    {
        if (_services.Store.Find(id) is { } message)
        {
            _services.Store.Delete(message);
        }

        return true;
    });

    /// <summary>The display name of the folder a message (by either id) is in now, or null when there is no such message.</summary>
    public string? FolderOf(string id) => Locked(() => _services.Store.Find(id) is { } message ? _services.Store.FolderName(message.FolderId) : null);

    /// <summary>The message's regular id now (it changes when the message is moved), or null.</summary>
    public string? RegularIdOf(string id) => Locked(() => _services.Store.Find(id)?.Id);

    /// <summary>Adds a child folder of the inbox, as if someone had made it by hand; returns its id.</summary>
    public string AddInboxChildFolder(string displayName) => Locked(() => _services.Store.AddFolder(displayName, InboxId).Id);
}
