using System.Globalization;

namespace OnePointEntry.Statistics;

/// <summary>Why one line of a delegation history file cannot be imported, for a person to fix in the file.</summary>
/// <param name="LineNumber">
/// The 1-based line of the file the row starts on, counting every line, also those inside quoted cells, so
/// it is the line an editor shows; the header is line 1.
/// </param>
/// <param name="Reason">What is wrong, naming the column and the value as written.</param>
public sealed record HistoryProblem(int LineNumber, string Reason)
{
    /// <summary><c>line 7: visitDate "2017-13-01" is not a date (yyyy-MM-dd)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"line {LineNumber}: {Reason}");
}
