namespace LocalFunctionsHost.Auth;

/// <summary>Where <c>/.auth/login</c> and <c>/.auth/logout</c> may send the browser afterwards.</summary>
internal static class LocalRedirect
{
    /// <summary>
    /// The target when it is a path on this site, else <c>/</c>: a sign-in link must not become a
    /// way to send someone to another site (an open redirect).
    /// </summary>
    public static string Target(string? requested) => IsLocalPath(requested) ? requested! : "/";

    /// <summary>
    /// A path starting with one <c>/</c>: not <c>//host</c> or <c>/\host</c> (both mean another host
    /// to a browser), not a URL with a scheme, and no control characters, which browsers drop
    /// (so <c>/\t/host</c> would become <c>//host</c>). Only printable ASCII, as a Location header holds.
    /// </summary>
    public static bool IsLocalPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/')
        {
            return false;
        }

        if (path.Length > 1 && path[1] is '/' or '\\')
        {
            return false;
        }

        return path.All(c => c is >= ' ' and <= '~');
    }
}
