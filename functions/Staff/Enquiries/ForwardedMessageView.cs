namespace OnePointEntry.Functions.Staff.Enquiries;

/// <summary>One link of the forwarding chain: who sent a message the mail passes on, when, and under which subject.</summary>
public sealed record ForwardedMessageView(string? From, string? Subject, string? Date);
