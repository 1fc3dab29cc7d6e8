namespace Microsoft365StandIn.Mail;

/// <summary>The shared mailbox's top-level folders, with Graph's well-known names for them.</summary>
internal static class WellKnownFolders
{
    public const string InboxId = "AQMkADOPEAAAuAAAAInboxAAA=";
    public const string SentItemsId = "AQMkADOPEAAAuAAAASentItemsAAA=";
    public const string DeletedItemsId = "AQMkADOPEAAAuAAAADeletedItemsAAA=";
    public const string DraftsId = "AQMkADOPEAAAuAAAADraftsAAA=";

    public static IReadOnlyList<MailFolderState> All { get; } =
    [
        new(InboxId, "Inbox"),
        new(SentItemsId, "Sent Items"),
        new(DeletedItemsId, "Deleted Items"),
        new(DraftsId, "Drafts"),
    ];

    /// <summary>The folder id for a well-known name (<c>inbox</c>, <c>sentitems</c>, <c>deleteditems</c>, <c>drafts</c>), or the key itself.</summary>
    public static string Resolve(string key) => key.ToUpperInvariant() switch
    {
        "INBOX" => InboxId,
        "SENTITEMS" => SentItemsId,
        "DELETEDITEMS" => DeletedItemsId,
        "DRAFTS" => DraftsId,
        _ => key,
    };
}
