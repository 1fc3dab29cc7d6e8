namespace OnePointEntry.Deliveries;

/// <summary>What a delivery carries to the outside world, and so which channel delivers it.</summary>
public enum DeliveryKind
{
    /// <summary>The reply to a sender with the enquiry's reference, in their language.</summary>
    Acknowledgement,

    /// <summary>The screening block in the screener's Outlook calendar.</summary>
    ScreeningEvent,

    /// <summary>The screening task in the team's Planner plan.</summary>
    ScreeningTask,

    /// <summary>The card in the team's Teams channel announcing a screening.</summary>
    ScreeningCard,

    /// <summary>The monthly statistics report by mail.</summary>
    ReportMail,

    /// <summary>The monthly statistics report's card in Teams.</summary>
    ReportCard,
}
