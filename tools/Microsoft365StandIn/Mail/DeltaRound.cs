namespace Microsoft365StandIn.Mail;

/// <summary>
/// The entries of one delta answer, paged out by skip tokens; <see cref="Until"/> is the change number its delta
/// link carries on from, <see cref="Select"/> the properties the first call asked for.
/// </summary>
internal sealed record DeltaRound(List<InboxChange> Entries, long Until, string? Select, DateTimeOffset CreatedAt);
