using Azure.Data.Tables;
using OnePointEntry.Text;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// Puts text into table properties so that no input can make a write fail for size. Table Storage holds at
/// most 64 KiB per property (a string is stored as UTF-16, so 32,768 characters) and 1 MiB per entity: each
/// property gets a bound well inside that, the bounds of one entity add up to far less than 1 MiB, and a text
/// over its bound is cut, ends with <see cref="DisplayText.CutMark"/>, and is named in the entity's
/// <see cref="CutProperty"/> so a reader knows it is not whole (the whole is where it came from: the original
/// mail in Blob Storage).
/// </summary>
internal sealed class TableText(TableEntity entity)
{
    /// <summary>The property that lists, separated by <c>;</c>, the properties whose text was cut.</summary>
    public const string CutProperty = "Cut";

    /// <summary>The most any one text property holds, in characters: 64,000 bytes of UTF-16.</summary>
    public const int MaxPropertyLength = 32_000;

    private readonly SortedSet<string> _cut = new(SplitCut(entity.GetString(CutProperty)), StringComparer.Ordinal);

    /// <summary>The names of the properties cut in a stored entity.</summary>
    public static IReadOnlyList<string> CutOf(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return SplitCut(entity.GetString(CutProperty));
    }

    /// <summary>Sets <paramref name="property"/> to <paramref name="value"/>, cut to <paramref name="maxLength"/> characters when longer.</summary>
    public TableText Set(string property, string? value, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, MaxPropertyLength);
        if (value is not null && value.Length > maxLength)
        {
            value = DisplayText.Bound(value, maxLength);
            _cut.Add(property);
        }

        entity[property] = value;
        return this;
    }

    /// <summary>Marks <paramref name="property"/> as cut by this write, for a value bounded by rules of its own (a list left short, say).</summary>
    public TableText Cut(string property)
    {
        ArgumentException.ThrowIfNullOrEmpty(property);
        _cut.Add(property);
        return this;
    }

    /// <summary>Marks properties as cut before this write (an enquiry read back and written again stays marked).</summary>
    public TableText AlreadyCut(IEnumerable<string> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        _cut.UnionWith(properties);
        return this;
    }

    /// <summary>Writes the list of cut properties (or removes it when nothing was cut).</summary>
    public TableEntity Done()
    {
        if (_cut.Count == 0)
        {
            entity.Remove(CutProperty);
        }
        else
        {
            entity[CutProperty] = string.Join(';', _cut);
        }

        return entity;
    }

    private static string[] SplitCut(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Split(';', StringSplitOptions.RemoveEmptyEntries);
}
