namespace OnePointEntry.Functions.Http;

/// <summary>What the app depends on and a request can fail on, named in a 503 so nobody looks in the wrong place.</summary>
public enum Dependency
{
    /// <summary>Azure Storage: the tables, queues and blobs where enquiries are kept.</summary>
    Storage,

    /// <summary>Microsoft Graph: the shared mailbox, calendars, Planner.</summary>
    MicrosoftGraph,

    /// <summary>Microsoft Entra ID: the app's identity could not get a token.</summary>
    Identity,

    /// <summary>Outbound mail (Azure Communication Services Email).</summary>
    MailSending,

    /// <summary>The Teams channel's workflow webhook.</summary>
    Teams,

    /// <summary>A network call whose service cannot be told from the failure.</summary>
    Other,
}
