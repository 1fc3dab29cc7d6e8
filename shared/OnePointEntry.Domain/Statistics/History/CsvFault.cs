namespace OnePointEntry.Statistics;

/// <summary>A cell whose quoting or length breaks the CSV rules, so its value cannot be trusted.</summary>
/// <param name="Cell">The cell's 1-based position in its record.</param>
/// <param name="Reason">What is wrong, to follow the cell's name: <c>is longer than 1000 characters</c>.</param>
internal sealed record CsvFault(int Cell, string Reason);
