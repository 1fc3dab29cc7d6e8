using OnePointEntry.Statistics;

namespace OnePointEntry.Retention;

/// <param name="Anonymised">How many enquiries this run anonymised.</param>
/// <param name="AnonymisedThrough">The newest month now wholly anonymised; null when none is yet.</param>
/// <param name="CaughtUp">False when the run stopped at its limit and the next run continues.</param>
public sealed record RetentionSweepResult(int Anonymised, CalendarMonth? AnonymisedThrough, bool CaughtUp);
