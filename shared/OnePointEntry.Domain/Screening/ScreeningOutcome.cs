namespace OnePointEntry.Screening;

public enum ScreeningOutcome
{
    Screened,

    /// <summary>The enquiry had been screened before: a repeated message, nothing changed.</summary>
    AlreadyScreened,
}
