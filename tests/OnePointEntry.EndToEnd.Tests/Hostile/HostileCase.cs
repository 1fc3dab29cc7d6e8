namespace OnePointEntry.EndToEnd.Tests.Hostile;

/// <summary>One hostile input and the answer the app documents for it.</summary>
/// <param name="Name">What the case is, as test results show it.</param>
/// <param name="Request">Builds the request (a new one each time it is sent).</param>
public sealed record HostileCase(string Name, Func<HttpRequestMessage> Request, Expected Expected)
{
    public override string ToString() => Name;
}
