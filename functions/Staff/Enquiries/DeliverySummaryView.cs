namespace OnePointEntry.Functions.Staff.Enquiries;

/// <summary>A message about the enquiry to the outside world (acknowledgement, screening event, Planner task, Teams card) and how it went; never what it carries.</summary>
/// <param name="Link">Where staff open what was delivered (the Outlook event, the Planner task), when it is something they can open.</param>
public sealed record DeliverySummaryView(
    string Id,
    string Kind,
    string? Recipient,
    string State,
    int Attempts,
    string? LastError,
    DateTimeOffset? DeliveredAt,
    Uri? Link);
