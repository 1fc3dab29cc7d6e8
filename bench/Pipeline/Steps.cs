using System.Collections.Concurrent;

namespace OnePointEntry.Bench.Pipeline;

/// <summary>
/// Which step made a request. The worker's requests carry the trace of the invocation that made them (the local host
/// names each new trace after its invocation id, and the app's telemetry propagates it to storage and Graph), so
/// they are counted under that invocation's function. The host's own queue requests (taking, hiding and deleting
/// trigger messages, and the empty polls between them) carry none and are counted under the step that reads the queue.
/// </summary>
internal static class Steps
{
    public static Step OfFunction(string? function) => function switch
    {
        "SubmitEnquiry" => Step.FormIntake,
        "ReceiveMailNotifications" or "TakeInMail" or "PostRawMail" => Step.MailIntake,
        "ScreenEnquiry" => Step.Screening,
        "RouteEnquiry" or "SendDelivery" => Step.Routing,
        _ => Step.Other,
    };

    public static Step Of(string? traceId, string? queue, ConcurrentDictionary<string, string> invocations)
    {
        if (traceId is not null)
        {
            return OfFunction(invocations.GetValueOrDefault(traceId));
        }

        return queue switch
        {
            "mail-intake" => Step.MailIntake,
            "enquiry-screening" => Step.Screening,
            "enquiry-routing" or "deliveries" => Step.Routing,
            _ => Step.Other,
        };
    }
}
