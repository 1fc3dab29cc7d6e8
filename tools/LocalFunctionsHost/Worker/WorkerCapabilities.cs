namespace LocalFunctionsHost.Worker;

/// <summary>What the worker announced in its WorkerInitResponse; set once during the handshake.</summary>
internal sealed class WorkerCapabilities
{
    private IReadOnlyDictionary<string, string> _values = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>The worker's own Kestrel endpoint (ASP.NET Core integration), where HTTP requests are forwarded.</summary>
    public Uri? HttpUri => _values.TryGetValue("HttpUri", out var uri) && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) ? parsed : null;

    public void Set(IReadOnlyDictionary<string, string> values) => _values = values;
}
