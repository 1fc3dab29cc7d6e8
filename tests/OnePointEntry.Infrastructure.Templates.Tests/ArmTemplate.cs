using System.Text.Json.Nodes;

namespace OnePointEntry.Infrastructure.Templates.Tests;

/// <summary>Walks a compiled ARM template, modules (nested deployments) included.</summary>
internal static class ArmTemplate
{
    /// <summary>Every resource the template deploys, at any depth; <c>existing</c> references are left out.</summary>
    public static IReadOnlyList<JsonObject> DeployedResources(JsonObject template)
    {
        var found = new List<JsonObject>();
        Collect(template, found);
        return found;
    }

    public static IReadOnlyList<JsonObject> OfType(string type) =>
        DeployedResources(Bicep.MainTemplate)
            .Where(resource => string.Equals(resource["type"]?.GetValue<string>(), type, StringComparison.OrdinalIgnoreCase))
            .ToList();

    public static JsonObject Single(string type)
    {
        var resources = OfType(type);
        Assert.True(resources.Count == 1, $"Expected one {type}, found {resources.Count}.");
        return resources[0];
    }

    public static JsonObject Properties(this JsonObject resource) =>
        resource["properties"]?.AsObject() ?? throw new InvalidOperationException($"{resource["type"]} has no properties.");

    private static void Collect(JsonObject template, List<JsonObject> found)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(node => node!.AsObject()),
            JsonObject symbolic => symbolic.Select(pair => pair.Value!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources)
        {
            if (resource["existing"]?.GetValue<bool>() == true)
            {
                continue;
            }

            found.Add(resource);
            if (resource["type"]?.GetValue<string>() == "Microsoft.Resources/deployments"
                && resource["properties"]?["template"] is JsonObject nested)
            {
                Collect(nested, found);
            }
        }
    }
}
