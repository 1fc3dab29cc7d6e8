using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using OnePointEntry.Enquiries;
using OnePointEntry.Geography;
using OnePointEntry.Themes;

namespace OnePointEntry.Statistics;

/// <summary>
/// A file of past delegations, read so that the year-over-year statistics work from the first month: CSV
/// (RFC 4180, UTF-8) with a header row naming the <see cref="Columns"/> in any order, one delegation a row.
/// Reading checks every row and lists every problem, each with its line, so a file is fixed in one go; the
/// delegations are given only when there is no problem at all, so an import is all or nothing.
/// </summary>
/// <remarks>
/// <para>
/// Dates are <c>yyyy-MM-dd</c>; <c>country</c> is an ISO 3166-1 alpha-2 code; <c>sector</c> is
/// <c>public</c>, <c>private</c>, <c>academic</c> or <c>other</c>; <c>level</c> is <c>national</c>,
/// <c>provincial</c> or <c>municipal</c> and only for a public delegation; <c>themes</c> are theme ids
/// separated by <c>;</c>. Codes and ids may be written in any case. Only <c>visitDate</c>, <c>country</c> and
/// <c>sector</c> must be filled in, and only their columns must be there.
/// </para>
/// <para>
/// Rows with nothing in them (an empty line, or only commas) are skipped wherever they are: spreadsheets
/// leave them where rows were deleted, and they hold nothing that could be lost.
/// </para>
/// <para>
/// Limits, so that a wrong or hostile file cannot exhaust memory: at most <see cref="MaxRows"/> delegations,
/// <see cref="MaxCellLength"/> characters in any cell and, read from a stream, <see cref="MaxFileBytes"/> bytes.
/// Beyond them the file is a problem, never cut short silently. Listing stops after <see cref="MaxProblems"/>
/// problems.
/// </para>
/// </remarks>
public sealed class DelegationHistoryFile
{
    /// <summary>Ten times the delegations of the busiest year so far; a longer history is imported in parts.</summary>
    public const int MaxRows = 20_000;

    /// <summary>Far more than any real cell (an organisation is at most 200 characters).</summary>
    public const int MaxCellLength = 1_000;

    /// <summary>10 MiB: room for <see cref="MaxRows"/> rows of several hundred bytes each.</summary>
    public const int MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>Past this, the file is wrong throughout (another file's columns, say) and more lines would not help.</summary>
    public const int MaxProblems = 500;

    /// <summary>A region's name is held to a city's length.</summary>
    public const int MaxRegionLength = EnquiryFieldLimits.City;

    /// <summary>
    /// The largest <c>delegationSize</c> accepted: the enquiry form's, so imported delegations are counted by
    /// the same rules as the ones that came in through the app.
    /// </summary>
    public const int MaxDelegationSize = EnquiryFieldLimits.MaxDelegationSize;

    private const string VisitDate = "visitDate";
    private const string Country = "country";
    private const string Region = "region";
    private const string City = "city";
    private const string Sector = "sector";
    private const string Level = "level";
    private const string Themes = "themes";
    private const string DelegationSize = "delegationSize";
    private const string Organisation = "organisation";
    private const string ReceivedDate = "receivedDate";

    private static readonly string[] s_sectors = ["public", "private", "academic", "other"];
    private static readonly string[] s_levels = ["national", "provincial", "municipal"];

    private DelegationHistoryFile(IReadOnlyList<HistoricalDelegation> delegations, IReadOnlyList<HistoryProblem> problems)
    {
        Delegations = delegations;
        Problems = problems;
    }

    /// <summary>The columns a history file may have, as the header names them.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        [VisitDate, Country, Region, City, Sector, Level, Themes, DelegationSize, Organisation, ReceivedDate];

    /// <summary>The columns a history file must have; the others may be left out.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = [VisitDate, Country, Sector];

    /// <summary>The delegations in the order of the file; empty whenever there is a problem.</summary>
    public IReadOnlyList<HistoricalDelegation> Delegations { get; }

    /// <summary>Every problem found, in the order of the file; nothing may be imported unless this is empty.</summary>
    public IReadOnlyList<HistoryProblem> Problems { get; }

    public bool HasProblems => Problems.Count > 0;

    /// <summary>Reads a history file from bytes: UTF-8, with or without a byte order mark.</summary>
    /// <remarks>
    /// Read to the end into memory (at most <see cref="MaxFileBytes"/>) and asynchronously, so it may be given
    /// a request body or a blob stream.
    /// </remarks>
    public static async Task<DelegationHistoryFile> ReadAsync(
        Stream stream, CountryDirectory? countries = null, ThemeTaxonomy? taxonomy = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // Grown as the bytes come, so a small file does not cost the largest one's memory.
        using var bytes = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (bytes.Length + read > MaxFileBytes)
            {
                return Failed(1, $"the file is larger than {MaxFileBytes / (1024 * 1024)} MiB; import the history in parts");
            }

            bytes.Write(chunk, 0, read);
        }

        return Read(bytes.GetBuffer().AsSpan(0, (int)bytes.Length), countries, taxonomy);
    }

    /// <summary>Reads a history file from text; a leading byte order mark is skipped.</summary>
    public static DelegationHistoryFile Read(TextReader reader, CountryDirectory? countries = null, ThemeTaxonomy? taxonomy = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        countries ??= CountryDirectory.Default;
        taxonomy ??= ThemeTaxonomy.Default;
        // Room for a header naming every column twice, so each of its mistakes is named; cells beyond are
        // counted, not kept, which is all a row's wrong cell count needs.
        var csv = new CsvRecordReader(reader, MaxCellLength, Columns.Count * 2 + 1);
        var header = ReadNonBlank(csv);
        if (header is null)
        {
            return Failed(1, $"the file is empty (its first line must be the header, such as {string.Join(',', Columns)})");
        }

        var problems = new List<HistoryProblem>();
        var columns = ReadHeader(header, problems);
        var rows = new List<(int LineNumber, StatisticsFact Fact, DateOnly? Received)>();
        var rowCount = 0;
        for (var record = ReadNonBlank(csv); record is not null; record = ReadNonBlank(csv))
        {
            if (++rowCount > MaxRows)
            {
                problems.Add(new(record.LineNumber, $"the file has more than {MaxRows} rows; import the history in parts"));
                break;
            }

            var row = ReadRow(record, header.CellCount, columns, countries, taxonomy, problems);
            if (row is { } found)
            {
                rows.Add(found);
            }

            if (problems.Count >= MaxProblems)
            {
                problems.Add(new(record.LineNumber, $"more than {MaxProblems} problems; the lines after this one were not checked"));
                break;
            }
        }

        return problems.Count > 0 ? new([], problems) : new(Identify(rows), []);
    }

    private static DelegationHistoryFile Read(ReadOnlySpan<byte> bytes, CountryDirectory? countries, ThemeTaxonomy? taxonomy)
    {
        var chars = new char[bytes.Length];
        // Excel saves "CSV" in the Windows code page unless told "CSV UTF-8": an Ø read as anything else would
        // be stored misspelt, so such a file is refused, at the line of the first byte that is not UTF-8.
        var status = Utf8.ToUtf16(bytes, chars, out _, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            return Failed(LineAt(chars.AsSpan(0, written)), "the file is not UTF-8 text (save it as \"CSV UTF-8\")");
        }

        using var reader = new StringReader(new string(chars, 0, written));
        return Read(reader, countries, taxonomy);
    }

    private static DelegationHistoryFile Failed(int lineNumber, string reason) => new([], [new HistoryProblem(lineNumber, reason)]);

    private static CsvRecord? ReadNonBlank(CsvRecordReader csv)
    {
        var record = csv.ReadRecord();
        while (record is { IsBlank: true })
        {
            record = csv.ReadRecord();
        }

        return record;
    }

    // The column of each cell of the header, null for a cell that names none.
    private static string?[] ReadHeader(CsvRecord header, List<HistoryProblem> problems)
    {
        var line = header.LineNumber;
        foreach (var fault in header.Faults)
        {
            problems.Add(new(line, $"header cell {fault.Cell} {fault.Reason}"));
        }

        var columns = new string?[header.CellCount];
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Cells.Count; i++)
        {
            if (header.Faults.Any(fault => fault.Cell == i + 1))
            {
                continue;
            }

            var name = header.Cells[i].Trim();
            var column = Columns.FirstOrDefault(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase));
            if (name.Length == 0)
            {
                problems.Add(new(line, $"column {i + 1} has no name"));
            }
            else if (column is null)
            {
                problems.Add(new(line, $"column \"{name}\" is not one of {string.Join(", ", Columns)}"));
            }
            else if (first.TryGetValue(column, out var earlier))
            {
                problems.Add(new(line, $"column {column} appears twice (columns {earlier + 1} and {i + 1})"));
            }
            else
            {
                first[column] = i;
                columns[i] = column;
            }
        }

        if (header.CellCount > header.Cells.Count)
        {
            problems.Add(new(line, $"the header has {header.CellCount} columns, more than the {Columns.Count} there are"));
        }

        foreach (var required in RequiredColumns.Where(required => !first.ContainsKey(required)))
        {
            problems.Add(new(line, $"column {required} is missing"));
        }

        return columns;
    }

    private static (int LineNumber, StatisticsFact Fact, DateOnly? Received)? ReadRow(
        CsvRecord record, int columnCount, string?[] columns, CountryDirectory countries, ThemeTaxonomy taxonomy, List<HistoryProblem> problems)
    {
        var line = record.LineNumber;
        if (record.Faults.Count > 0)
        {
            foreach (var fault in record.Faults)
            {
                var column = fault.Cell <= columns.Length ? columns[fault.Cell - 1] : null;
                problems.Add(new(line, $"{(column is null ? $"cell {fault.Cell}" : column)} {fault.Reason}"));
            }

            return null;
        }

        if (record.CellCount != columnCount)
        {
            problems.Add(new(line, $"the row has {record.CellCount} cells where the header has {columnCount} (a cell with a comma in it must be in quotes)"));
            return null;
        }

        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        // Only the cells kept: a header and a row too long to keep whole have already been reported.
        for (var i = 0; i < record.Cells.Count; i++)
        {
            var value = record.Cells[i].Trim();
            if (columns[i] is { } column && value.Length > 0)
            {
                cells[column] = value;
            }
        }

        var before = problems.Count;
        void Problem(string reason) => problems.Add(new(line, reason));
        string? Cell(string column) => cells.GetValueOrDefault(column);
        // A column missing from the header is reported once, on the header, not again on every row.
        bool Required(string column, string what)
        {
            if (cells.ContainsKey(column) || !columns.Contains(column))
            {
                return cells.ContainsKey(column);
            }

            Problem($"{column} is empty ({what})");
            return false;
        }

        string? Text(string column, int maxLength)
        {
            var value = Cell(column);
            if (value is not null && value.Length > maxLength)
            {
                Problem($"{column} is longer than {maxLength} characters ({value.Length})");
            }

            return value;
        }

        DateOnly? visitDate = null;
        if (Required(VisitDate, "the day the delegation arrived, yyyy-MM-dd"))
        {
            visitDate = Date(VisitDate, Cell(VisitDate)!, Problem);
        }

        string? countryCode = null;
        if (Required(Country, "an ISO 3166-1 alpha-2 code such as CN"))
        {
            countryCode = CountryCode(Cell(Country)!, countries, Problem);
        }

        var region = Text(Region, MaxRegionLength);
        var city = Text(City, EnquiryFieldLimits.City);
        string? sector = null;
        if (Required(Sector, string.Join(", ", s_sectors)))
        {
            sector = OneOf(Sector, Cell(Sector)!, s_sectors, Problem);
        }

        var level = Cell(Level) is { } levelText ? OneOf(Level, levelText, s_levels, Problem) : null;
        if (level is not null && sector is not null && sector != "public")
        {
            Problem($"level \"{Cell(Level)}\" is given but sector is {sector} (only public delegations have a level)");
        }

        var themes = ThemeIds(Cell(Themes), taxonomy, Problem);
        int? size = null;
        if (Cell(DelegationSize) is { } sizeText)
        {
            if (int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= MaxDelegationSize)
            {
                size = number;
            }
            else
            {
                Problem($"delegationSize \"{sizeText}\" is not a whole number from 1 to {MaxDelegationSize}");
            }
        }

        var organisation = Text(Organisation, EnquiryFieldLimits.Organisation);
        var received = Cell(ReceivedDate) is { } receivedText ? Date(ReceivedDate, receivedText, Problem) : null;
        if (received > visitDate)
        {
            Problem($"receivedDate {received:yyyy-MM-dd} is after visitDate {visitDate:yyyy-MM-dd} (the enquiry came in before the visit)");
        }

        if (problems.Count > before)
        {
            return null;
        }

        return (line, new StatisticsFact
        {
            Id = string.Empty,
            Date = visitDate!.Value,
            CountryCode = countryCode,
            Region = region,
            City = city,
            Sector = sector,
            Level = level,
            Themes = themes,
            DelegationSize = size,
            Organisation = organisation,
        }, received);
    }

    private static DateOnly? Date(string column, string text, Action<string> problem)
    {
        // TryParseExact alone lets "2017-1-5" through; the file must say what the report will show.
        if (text.Length == 10 && text[4] == '-' && text[7] == '-' && text.Where((_, i) => i is not (4 or 7)).All(char.IsAsciiDigit)
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problem($"{column} \"{text}\" is not a date (yyyy-MM-dd)");
        return null;
    }

    private static string? CountryCode(string text, CountryDirectory countries, Action<string> problem)
    {
        if (text.Length == 2 && text.All(char.IsAsciiLetter) && countries.Find(text) is { } country)
        {
            return country.Code;
        }

        // Directory.Find also knows names: a country written out is told its code rather than just refused.
        problem(text.Length > 2 && countries.Find(text) is { } named
            ? $"country \"{text}\" must be written as its ISO 3166-1 alpha-2 code, {named.Code}"
            : $"country \"{text}\" is not an ISO 3166-1 alpha-2 code (such as CN)");
        return null;
    }

    private static string? OneOf(string column, string text, string[] allowed, Action<string> problem)
    {
        var value = text.ToLowerInvariant();
        if (allowed.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        problem($"{column} \"{text}\" is not one of {string.Join(", ", allowed)}");
        return null;
    }

    private static IReadOnlyList<string> ThemeIds(string? text, ThemeTaxonomy taxonomy, Action<string> problem)
    {
        if (text is null)
        {
            return [];
        }

        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var written in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var id = written.ToLowerInvariant();
            if (taxonomy.IsKnown(id))
            {
                ids.Add(id);
            }
            else
            {
                problem($"theme \"{written}\" is not in the theme list ({string.Join(", ", taxonomy.Themes.Select(theme => theme.Id))})");
            }
        }

        return [.. ids];
    }

    // Ids from the content, numbered within the file, so a second import of the same file finds every
    // delegation already there, and two delegations alike in every column stay two.
    private static List<HistoricalDelegation> Identify(List<(int LineNumber, StatisticsFact Fact, DateOnly? Received)> rows)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var delegations = new List<HistoricalDelegation>(rows.Count);
        foreach (var (lineNumber, fact, received) in rows)
        {
            var hash = ContentHash(fact, received);
            var occurrence = seen[hash] = seen.GetValueOrDefault(hash) + 1;
            var id = string.Create(CultureInfo.InvariantCulture, $"history-{hash}-{occurrence}");
            delegations.Add(new HistoricalDelegation(lineNumber, fact with { Id = id }, received));
        }

        return delegations;
    }

    // Each value as its length, a colon and the value, or "-" for none: no value can be mistaken for the
    // next, whatever characters it holds.
    private static string ContentHash(StatisticsFact fact, DateOnly? received)
    {
        string?[] values =
        [
            fact.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            fact.CountryCode,
            fact.Region,
            fact.City,
            fact.Sector,
            fact.Level,
            string.Join(';', fact.Themes),
            fact.DelegationSize?.ToString(CultureInfo.InvariantCulture),
            fact.Organisation,
            received?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ];
        var content = new StringBuilder();
        foreach (var value in values)
        {
            content.Append(value is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{value.Length}:{value}"));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToString())).AsSpan(0, 16));
    }

    // The line a position in the text is on, counting line breaks as the CSV reader does.
    private static int LineAt(ReadOnlySpan<char> text)
    {
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                line++;
            }
        }

        return line;
    }
}
