using Microsoft.Extensions.Logging;

namespace Microsoft365StandIn;

/// <summary>How a <see cref="StandInServer"/> starts. The defaults suit a test: a free port, no file, no logging.</summary>
public sealed class StandInOptions
{
    public const string DefaultMailbox = "delegations@onepointentry.example";
    public const string DefaultTeamsSignature = "local-signature";

    /// <summary>The HTTP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>A second, HTTPS port for clients that send tokens only over HTTPS (Azure.Core: ACS); null for none, 0 for a free one.</summary>
    public int? HttpsPort { get; set; }

    /// <summary>The shared mailbox's address (a user of the directory too).</summary>
    public string Mailbox { get; set; } = DefaultMailbox;

    public string MailboxDisplayName { get; set; } = "One-Point Entry";

    /// <summary>A staff file (the format of the tool's SampleData/staff.json) whose people become the tenant's users.</summary>
    public string? UsersFile { get; set; }

    /// <summary>A JSON file the state is read from at start and saved to after changes, so a restart keeps it.</summary>
    public string? StateFile { get; set; }

    /// <summary>How long after a change the state file is written (changes in between are written together).</summary>
    public TimeSpan StateSaveDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The <c>sig</c> the Teams Workflows webhook accepts.</summary>
    public string TeamsSignature { get; set; } = DefaultTeamsSignature;

    /// <summary>Refuse Graph and ACS requests without a token the stand-in issued, as the services do.</summary>
    public bool RequireToken { get; set; } = true;

    /// <summary>
    /// Sends the stand-in's own requests (validation handshakes, change and lifecycle notifications); without it
    /// they go over the network. A test without a listening app answers them here (see <see cref="NotificationRecorder"/>).
    /// </summary>
    public HttpMessageHandler? NotificationHandler { get; set; }

    /// <summary>How long a notification URL has to echo the validation token: Graph's 10 seconds.</summary>
    public TimeSpan ValidationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan NotificationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before the first retry of a failed notification; each next wait is twice as long.</summary>
    public TimeSpan NotificationRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public int NotificationRetries { get; set; } = 3;

    /// <summary>The clock for receipt times, token and subscription expiry.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>
    /// How many of the latest requests are kept per service for <see cref="StandInServer.Requests"/> and its
    /// kind: enough for any test, without a long run of the program growing without end. A bench that counts
    /// every request of a long burst asks for more.
    /// </summary>
    public int MaxRecordedRequests { get; set; } = 10_000;

    /// <summary>Logging for the stand-in (requests, failed notifications); none when null.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }
}
