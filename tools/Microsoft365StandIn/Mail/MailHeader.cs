namespace Microsoft365StandIn.Mail;

/// <summary>One Internet message header, as Graph's <c>internetMessageHeaders</c> lists them.</summary>
internal sealed record MailHeader(string Name, string Value);
