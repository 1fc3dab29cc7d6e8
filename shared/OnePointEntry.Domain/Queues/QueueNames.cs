namespace OnePointEntry.Queues;

/// <summary>The storage queues between the steps. Constants, because trigger attributes need them.</summary>
public static class QueueNames
{
    public const string Screening = "enquiry-screening";
}
