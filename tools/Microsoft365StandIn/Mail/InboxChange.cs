namespace Microsoft365StandIn.Mail;

/// <summary>
/// One change to the inbox's contents, numbered in order: a message came in or left (moved or deleted). The
/// regular id is the one the message had in the inbox, which a client without immutable ids knew it by.
/// </summary>
internal sealed record InboxChange(long Sequence, string ImmutableId, string RegularId, bool Removed);
