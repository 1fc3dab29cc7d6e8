using System.Text.Json;

namespace OnePointEntry.Infrastructure.Templates.Tests;

public sealed class LinterConfigurationTests
{
    [Fact]
    public void Every_rule_turned_off_or_down_is_explained_in_the_infra_readme()
    {
        using var config = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(Bicep.InfraFolder, "bicepconfig.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var core = config.RootElement.GetProperty("analyzers").GetProperty("core");
        Assert.True(core.GetProperty("enabled").GetBoolean(), "The linter must be on.");
        var readme = File.ReadAllText(Path.Combine(Bicep.InfraFolder, "README.md"));
        var section = readme[readme.IndexOf("## Linter rules", StringComparison.Ordinal)..];

        var relaxed = core.GetProperty("rules").EnumerateObject()
            .Where(rule => rule.Value.GetProperty("level").GetString() is "off" or "none" or "info")
            .Select(rule => rule.Name)
            .ToList();
        foreach (var rule in relaxed)
        {
            Assert.Contains($"`{rule}`", section, StringComparison.Ordinal);
        }

        Assert.Contains("use-recent-api-versions", relaxed);
    }
}
