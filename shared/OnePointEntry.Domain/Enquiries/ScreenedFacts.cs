namespace OnePointEntry.Enquiries;

/// <summary>The facts screening established about an enquiry, in the taxonomy's and ISO's terms.</summary>
public sealed record ScreenedFacts
{
    /// <summary>ISO 3166-1 alpha-2; null when the country given could not be recognised.</summary>
    public string? CountryCode { get; init; }

    /// <summary>The first-level division (province, state), when the city determines it.</summary>
    public string? Region { get; init; }

    /// <summary>The city's canonical name when the gazetteer knows it, else the city as given.</summary>
    public string? City { get; init; }

    /// <summary><c>public</c>, <c>private</c>, <c>academic</c> or <c>other</c>; null when it cannot be told.</summary>
    public string? Sector { get; init; }

    /// <summary><c>national</c>, <c>provincial</c> or <c>municipal</c>, for a public delegation.</summary>
    public string? Level { get; init; }

    /// <summary>Theme ids, sorted, without duplicates: those picked by the sender and those found in the text.</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];

    public required DateTimeOffset ScreenedAt { get; init; }
}
