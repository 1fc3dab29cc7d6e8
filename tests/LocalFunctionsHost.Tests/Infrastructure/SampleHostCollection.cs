namespace LocalFunctionsHost.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class SampleHostCollection : ICollectionFixture<SampleHostFixture>
{
    public const string Name = "Sample app under the local host";
}
