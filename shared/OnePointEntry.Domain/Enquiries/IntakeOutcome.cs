namespace OnePointEntry.Enquiries;

/// <summary>What became of a submitted enquiry form.</summary>
public enum IntakeOutcome
{
    /// <summary>Stored and queued for screening.</summary>
    Accepted,

    /// <summary>The same submission was accepted before; its reference is returned again.</summary>
    Repeated,

    /// <summary>Some fields are invalid; nothing was stored.</summary>
    Invalid,

    /// <summary>The Idempotency-Key was used before for a different submission; nothing was stored.</summary>
    IdempotencyKeyReused,

    /// <summary>The honeypot was filled in: a bot. Answered like a success, nothing stored.</summary>
    Ignored,
}
