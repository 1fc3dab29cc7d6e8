namespace OnePointEntry.EndToEnd.Tests;

[CollectionDefinition(Name)]
public sealed class FunctionAppCollection : ICollectionFixture<FunctionAppFixture>
{
    public const string Name = "Function App under the local host";
}
