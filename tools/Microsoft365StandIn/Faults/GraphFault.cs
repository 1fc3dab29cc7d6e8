using System.Text.RegularExpressions;

namespace Microsoft365StandIn.Faults;

/// <summary>
/// A typed fault for Graph: the next <see cref="Remaining"/> requests whose method and path (after <c>/v1.0</c>)
/// match get this error instead. With <see cref="CarriedOut"/> the request is carried out first and only its
/// answer is replaced (a lost answer).
/// </summary>
internal sealed class GraphFault(string method, Regex path, int status, string code, TimeSpan? retryAfter, int count, bool carriedOut)
{
    public string Method { get; } = method;

    public Regex Path { get; } = path;

    public int Status { get; } = status;

    public string Code { get; } = code;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool CarriedOut { get; } = carriedOut;

    public int Remaining { get; set; } = count;

    public bool Matches(string method, string path) =>
        Remaining > 0 && string.Equals(Method, method, StringComparison.OrdinalIgnoreCase) && Path.IsMatch(path);
}
