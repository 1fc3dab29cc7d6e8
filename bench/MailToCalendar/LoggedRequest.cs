namespace OnePointEntry.Bench.MailToCalendar;

/// <summary>A request the stand-in answered, as its request log reports it when the answer is written.</summary>
internal sealed record LoggedRequest(string Method, string Path, int Status, DateTimeOffset AnsweredAt);
