namespace OnePointEntry.Extraction;

/// <summary>
/// How sure the extractor must be of a field's value to fill it in. Below it the field is left empty and a
/// person is asked to read the mail: a wrong value goes on to a calendar event, a screener choice and the
/// monthly statistics, an empty one only to a person. Set from the labelled corpus (bench/README.md): at these
/// levels no right value of the corpus is dropped but the coin tosses are (a home place two cities share
/// equally, a sector vote split many ways).
/// </summary>
internal static class ConfidenceThresholds
{
    public static double For(string field) => field switch
    {
        // A sector no word named is "other" by the contract (an unclear group), not a guess; a level that follows
        // from the home place's kind (a city's delegation is municipal) is not either. Only a vote split many ways is.
        "sector" => 0.34,
        "level" => 0.45,
        "delegationSize" or "referredBy" or "themes" => 0.5,
        "arrivalDate" or "departureDate" => 0.3,
        // Two places named alike, neither said to be home, are a coin toss.
        "country" or "region" or "city" => 0.41,
        _ => 0.4,
    };

    /// <summary>The field in the words of a review reason.</summary>
    public static string Describe(string field) => field switch
    {
        "language" => "language",
        "country" => "delegation's home country",
        "region" => "delegation's home region",
        "city" => "delegation's home city",
        "sector" => "delegation's sector",
        "level" => "level of the delegation's government",
        "delegationSize" => "size of the delegation",
        "arrivalDate" => "arrival date",
        "departureDate" => "departure date",
        "referredBy" => "referring municipality",
        "themes" => "theme",
        _ => field,
    };
}
