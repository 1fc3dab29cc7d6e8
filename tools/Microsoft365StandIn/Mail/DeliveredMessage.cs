namespace Microsoft365StandIn;

/// <summary>A mail delivered to the shared mailbox's inbox: its regular id, its immutable id and its Message-ID.</summary>
public sealed record DeliveredMessage(string Id, string ImmutableId, string InternetMessageId);
