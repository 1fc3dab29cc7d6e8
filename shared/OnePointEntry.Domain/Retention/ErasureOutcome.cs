namespace OnePointEntry.Retention;

public enum ErasureOutcome
{
    NotFound,

    /// <summary>The personal data was removed now.</summary>
    Erased,

    /// <summary>It had been removed before; nothing changed (the request is idempotent).</summary>
    AlreadyErased,
}
