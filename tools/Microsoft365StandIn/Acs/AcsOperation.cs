namespace Microsoft365StandIn.Acs;

/// <summary>An <c>emails:send</c> operation: the mail as sent, and the statuses its polls still have to answer.</summary>
internal sealed class AcsOperation
{
    public required string OperationId { get; init; }

    public required string Status { get; set; }

    public List<string> PendingStatuses { get; init; } = [];

    public required string SenderAddress { get; init; }

    public List<string> To { get; init; } = [];

    public string Subject { get; init; } = "";

    public string? Html { get; init; }

    public string? PlainText { get; init; }

    public List<InlineImage> InlineImages { get; init; } = [];

    public required DateTimeOffset ReceivedAt { get; init; }
}
