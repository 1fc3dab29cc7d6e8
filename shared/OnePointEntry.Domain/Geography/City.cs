namespace OnePointEntry.Geography;

/// <summary>A delegation's home city and the first-level division (province, state) it lies in.</summary>
/// <param name="Name">English or pinyin name without "City"/"Shi".</param>
/// <param name="Country">ISO 3166-1 alpha-2 code.</param>
/// <param name="Region">Province or state in English; for China in pinyin without "Province".</param>
/// <param name="Aliases">Other ways of writing it: characters, "X City", older romanisations, districts.</param>
public sealed record City(string Name, string Country, string Region, IReadOnlyList<string> Aliases);
