using OnePointEntry.Geography;

namespace OnePointEntry.Domain.Tests.Geography;

internal static class CityGazetteerData
{
    public static IReadOnlyList<City> All() => ReferenceData.Read<List<City>>("cities.json");
}
