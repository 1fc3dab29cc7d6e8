namespace OnePointEntry.Themes;

/// <summary>
/// The words around a theme keyword that say how much it counts, from <c>Data/theme-cues.json</c>: extend the
/// file, not the code. <see cref="ThemeReader"/> says what each kind does.
/// </summary>
internal sealed record ThemeCues
{
    private static readonly Lazy<ThemeCues> s_default = new(() => ReferenceData.Read<ThemeCues>("theme-cues.json"));

    public static ThemeCues Default => s_default.Value;

    /// <summary>A request: what the delegation wants to see, learn or discuss.</summary>
    public List<string> Purpose { get; init; } = [];

    /// <summary>Who the writer or the delegation is: its business, its members' offices, its history.</summary>
    public List<string> SelfDescription { get; init; } = [];

    /// <summary>Before a topic the delegation leaves out: "not interested in", "rather than", 不包括.</summary>
    public List<string> Negations { get; init; } = [];

    /// <summary>Words after which a negation no longer reaches: "but", "sondern", 而是.</summary>
    public List<string> ClauseBreaks { get; init; } = [];

    /// <summary>Phrases that begin like a negation but are none: "not only", 不仅.</summary>
    public List<string> NotNegations { get; init; } = [];

    /// <summary>After a topic left out, in the same sentence: "..., but that is not what the visit is about".</summary>
    public List<string> NegationsAfter { get; init; } = [];

    /// <summary>Travel arrangements and side remarks: hotel, flight, "by the way".</summary>
    public List<string> Passing { get; init; } = [];

    /// <summary>Endings of street and place names written as one word: -vej, -gade, -straße.</summary>
    public List<string> NameSuffixes { get; init; } = [];

    /// <summary>Small words inside a name of several capitalised words: of, de, und.</summary>
    public List<string> NameParticles { get; init; } = [];

    /// <summary>Words before a place word that make it a location: across, ved, vid, am.</summary>
    public List<string> PlacePrepositions { get; init; } = [];

    /// <summary>Articles that may stand between a preposition and its place.</summary>
    public List<string> Articles { get; init; } = [];

    /// <summary>Words before a keyword that make it a place's past: former, tidligere, ehemalige.</summary>
    public List<string> FormerCues { get; init; } = [];

    /// <summary>Endings of an office's name in Chinese, Japanese and Korean: 部, 局, 协会, 국.</summary>
    public List<string> OrganisationSuffixes { get; init; } = [];

    /// <summary>Words of an address or contact line: Tel., 电话, 주소.</summary>
    public List<string> ContactMarkers { get; init; } = [];
}
