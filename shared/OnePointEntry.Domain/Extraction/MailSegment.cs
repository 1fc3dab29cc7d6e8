namespace OnePointEntry.Extraction;

/// <summary>
/// One message inside a mail: the mail's own text, or a forwarded or quoted earlier message with the
/// header lines it carried. <see cref="Body"/> is the text without header lines and without the signature.
/// </summary>
internal sealed record MailSegment
{
    public required string Body { get; init; }

    public string Signature { get; init; } = string.Empty;

    public string? From { get; init; }

    public string? SentText { get; init; }

    public string? Subject { get; init; }

    /// <summary>0 for the mail's own text; 1 and more for forwarded or quoted messages, newest first.</summary>
    public int Depth { get; init; }

    /// <summary>
    /// <see cref="MessagePart.OwnWords"/> for the mail's own text; <see cref="MessagePart.Forwarded"/> for an
    /// original passed on (a "Forwarded message" block, or any earlier message under a "Fw:" subject);
    /// <see cref="MessagePart.Quoted"/> for the history a reply quotes.
    /// </summary>
    public MessagePart Kind { get; init; } = MessagePart.OwnWords;

    /// <summary>Where in <see cref="FullText"/> a confidentiality notice begins (in the signature part); -1 when there is none.</summary>
    public int DisclaimerStart { get; init; } = -1;

    public string FullText => Signature.Length == 0 ? Body : Body + "\n" + Signature;
}
