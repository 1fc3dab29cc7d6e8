namespace Microsoft365StandIn;

/// <summary>A folder of the shared mailbox; <see cref="ParentFolderId"/> is null for the top-level folders.</summary>
public sealed record MailFolderState(string Id, string DisplayName, string? ParentFolderId = null);
