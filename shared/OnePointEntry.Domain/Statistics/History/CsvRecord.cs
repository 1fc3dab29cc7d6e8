namespace OnePointEntry.Statistics;

/// <summary>One record of a CSV file, as written: cells untrimmed, line breaks inside quotes as <c>\n</c>.</summary>
/// <param name="LineNumber">The 1-based physical line the record starts on.</param>
/// <param name="Cells">The cells, at most as many as the reader keeps; <paramref name="CellCount"/> says how many there were.</param>
/// <param name="CellCount">How many cells the record has, also those beyond the number kept.</param>
/// <param name="Faults">The cells that break the CSV rules; their values are not to be used.</param>
internal sealed record CsvRecord(int LineNumber, IReadOnlyList<string> Cells, int CellCount, IReadOnlyList<CsvFault> Faults)
{
    /// <summary>
    /// A record with nothing in it: an empty line, or a row of empty cells as spreadsheets write for a row
    /// left empty (<c>,,,,</c>).
    /// </summary>
    public bool IsBlank => Faults.Count == 0 && Cells.All(string.IsNullOrWhiteSpace);
}
