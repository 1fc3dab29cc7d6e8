using MimeKit;

namespace Microsoft365StandIn.Mail;

/// <summary>A mail built from Graph's message JSON: its MIME and how the state describes it.</summary>
internal sealed record ComposedMail(MimeMessage Mime, SentMailItem Sent);
