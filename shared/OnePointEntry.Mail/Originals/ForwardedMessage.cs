namespace OnePointEntry.Mail.Originals;

/// <summary>A message passed on inside the mail, with its header lines as written (a forward's date is the sender client's text).</summary>
public sealed record ForwardedMessage(string? From, string? Subject, string? Date);
