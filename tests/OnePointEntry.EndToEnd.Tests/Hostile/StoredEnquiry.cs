using System.Text.Json;
using Azure.Data.Tables;

namespace OnePointEntry.EndToEnd.Tests.Hostile;

/// <summary>An accepted enquiry read back: as the status endpoint shows it, and its row as stored.</summary>
public sealed record StoredEnquiry(string Reference, JsonElement View, TableEntity Row, FunctionAppFixture App)
{
    public string? Stored(string property) => Row.GetString(property);

    public IReadOnlyList<string> CutFields => [.. View.GetProperty("cutFields").EnumerateArray().Select(name => name.GetString()!)];

    public string Status => View.GetProperty("status").GetString()!;
}
