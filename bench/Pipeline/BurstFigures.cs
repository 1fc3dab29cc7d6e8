namespace OnePointEntry.Bench.Pipeline;

/// <summary>One burst's figures for the final table.</summary>
internal sealed record BurstFigures(
    int StoredBefore,
    int Sent,
    int Accepted,
    double AcceptedPerSecond,
    double AnswerP50,
    double AnswerP95,
    int Screened,
    double ScreenedPerSecond,
    int Routed,
    double RoutedPerSecond,
    double FormIntakeRequests,
    double MailIntakeRequests,
    double ScreeningRequests,
    double RoutingRequests,
    double StorageRequestsPerEnquiry,
    double StatusQueriesPerScreened,
    double GraphPerRouted,
    double WorkerCpuPerEnquiry,
    double AzuriteCpuPerEnquiry,
    bool Finished);
