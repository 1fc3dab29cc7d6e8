using OnePointEntry.Functions.Enquiries;

namespace OnePointEntry.Functions.Staff.Enquiries;

/// <summary>One fact of an enquiry as the editor shows it: what it is now, what the machine read, and whether staff corrected it.</summary>
/// <param name="Name">The field's name, as a correction names it.</param>
/// <param name="Kind">What it holds (text, country, choice, date, size, themes, language).</param>
/// <param name="Labels">What it is called, by language.</param>
/// <param name="Value">The value as it stands, canonical text (country code, <c>yyyy-MM-dd</c>, theme ids joined by commas); null when unknown.</param>
/// <param name="Read">The value the machine read (screening, else the sender).</param>
/// <param name="Corrected">Whether staff corrected it.</param>
/// <param name="Choices">The values a choice field may take.</param>
/// <param name="MaxLength">Longest text accepted (largest number for a size).</param>
/// <param name="Evidence">
/// Why the machine read <paramref name="Read"/>: how sure it was, the words and where they stand (one per theme); empty
/// when it has none (a web form, a fact screening found). Explains what the machine read, not a correction.
/// </param>
public sealed record FactView(
    string Name,
    string Kind,
    IReadOnlyDictionary<string, string> Labels,
    string? Value,
    string? Read,
    bool Corrected,
    IReadOnlyList<string> Choices,
    int MaxLength,
    IReadOnlyList<EvidenceView> Evidence);
