using OnePointEntry.EndToEnd.Tests;

namespace OnePointEntry.Browser.Tests;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<FunctionAppFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "The web form in Chromium against the Function App under the local host";
}
