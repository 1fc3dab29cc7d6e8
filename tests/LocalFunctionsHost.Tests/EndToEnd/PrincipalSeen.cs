namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>What the sample app's Principal function reports: WEBSITE_AUTH_ENABLED and the principal headers it was given (names upper case).</summary>
internal sealed record PrincipalSeen(string? AuthEnabled, Dictionary<string, string> RequestHeaders, Dictionary<string, string> MetadataHeaders);
