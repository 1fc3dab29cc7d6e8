namespace OnePointEntry.Routing;

/// <summary>What the Adaptive Card posted to the team's channel says; the adapter renders and escapes it.</summary>
/// <param name="Facts">Label and value pairs shown as a fact set.</param>
/// <param name="Link">Where the enquiry can be opened.</param>
public sealed record TeamsCard(string Title, string Summary, IReadOnlyList<KeyValuePair<string, string>> Facts, Uri? Link);
