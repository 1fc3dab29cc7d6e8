namespace OnePointEntry.Bench.Pipeline;

/// <summary>The pipeline's steps a request is counted under.</summary>
internal enum Step
{
    /// <summary><c>SubmitEnquiry</c>: a form taken in.</summary>
    FormIntake,

    /// <summary>The notification, the <c>mail-intake</c> queue and <c>TakeInMail</c>: a mail taken in.</summary>
    MailIntake,

    /// <summary>The <c>enquiry-screening</c> queue and <c>ScreenEnquiry</c>.</summary>
    Screening,

    /// <summary>The <c>enquiry-routing</c> and <c>deliveries</c> queues, <c>RouteEnquiry</c> and <c>SendDelivery</c> (event, task, card, acknowledgement).</summary>
    Routing,

    /// <summary>Timers, the admin API, other queues, and requests with no trace the bench can place.</summary>
    Other,
}
