namespace Microsoft365StandIn.Mail;

/// <summary>A name and an address, as Graph's <c>emailAddress</c> has them.</summary>
internal sealed record MailAddress(string Name, string Address);
