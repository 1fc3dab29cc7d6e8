namespace OnePointEntry.Workspace;

/// <summary>What a person asks the worklist for. Every filter is optional; they combine with "and".</summary>
/// <param name="State">Only this state of work; null for every state.</param>
/// <param name="Search">A reference, part of an organisation's name, or the sender's domain (case does not matter).</param>
/// <param name="ScreenerId">Only enquiries with this screener.</param>
/// <param name="CountryCode">Only delegations from this country (ISO 3166-1 alpha-2).</param>
/// <param name="Theme">Only enquiries about this theme (a taxonomy id).</param>
/// <param name="Month">Only enquiries received in this month, <c>yyyy-MM</c>.</param>
/// <param name="Page">The page, from 1.</param>
public sealed record WorklistQuery(
    WorkState? State = null,
    string? Search = null,
    string? ScreenerId = null,
    string? CountryCode = null,
    string? Theme = null,
    string? Month = null,
    int Page = 1)
{
    public const int PageSize = 25;
}
