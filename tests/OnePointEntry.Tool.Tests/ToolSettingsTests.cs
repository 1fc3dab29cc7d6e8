using System.Collections;
using OnePointEntry.Tool.Seeding;

namespace OnePointEntry.Tool.Tests;

public sealed class ToolSettingsTests : IDisposable
{
    private readonly string _root = System.IO.Directory.CreateTempSubdirectory("ope-settings-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_values_of_local_settings_json_in_the_current_folder_are_read_in_configuration_form()
    {
        File.WriteAllText(Path.Combine(_root, "local.settings.json"), """
            { "IsEncrypted": false, "Values": { "AzureWebJobsStorage": "UseDevelopmentStorage=true", "Graph__Mailbox": "delegations@onepointentry.example" } }
            """);

        var settings = ToolSettings.Load(_root, new Hashtable());

        Assert.Equal("UseDevelopmentStorage=true", settings.Settings["AzureWebJobsStorage"]);
        Assert.Equal("delegations@onepointentry.example", settings.Settings["Graph:Mailbox"]);
        Assert.Equal(Path.Combine(_root, "local.settings.json"), settings.SourceOf("AzureWebJobsStorage", new Hashtable()));
    }

    [Fact]
    public void The_environment_overrides_local_settings_json()
    {
        File.WriteAllText(Path.Combine(_root, "local.settings.json"), """{ "Values": { "AzureWebJobsStorage": "UseDevelopmentStorage=true" } }""");
        var environment = new Hashtable
        {
            ["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=other",
            ["AzureWebJobsStorage__accountName"] = "opestorage",
        };

        var settings = ToolSettings.Load(_root, environment);

        Assert.Equal("DefaultEndpointsProtocol=http;AccountName=other", settings.Settings["AzureWebJobsStorage"]);
        Assert.Equal("opestorage", settings.Settings["AzureWebJobsStorage:accountName"]);
        Assert.Equal("the environment", settings.SourceOf("AzureWebJobsStorage", environment));
    }

    [Fact]
    public void Local_settings_json_at_the_repository_root_is_found_from_a_folder_below_it()
    {
        File.WriteAllText(Path.Combine(_root, ToolSettings.SolutionFileName), string.Empty);
        File.WriteAllText(Path.Combine(_root, "local.settings.json"), """{ "Values": { "AzureWebJobsStorage": "UseDevelopmentStorage=true" } }""");
        var below = System.IO.Directory.CreateDirectory(Path.Combine(_root, "tools", "OnePointEntry.Tool")).FullName;

        var settings = ToolSettings.Load(below, new Hashtable());

        Assert.Equal("UseDevelopmentStorage=true", settings.Settings["AzureWebJobsStorage"]);
    }

    [Fact]
    public void Without_a_file_or_a_variable_nothing_is_set()
    {
        var settings = ToolSettings.Load(_root, new Hashtable());

        Assert.False(settings.Settings.ContainsKey("AzureWebJobsStorage"));
        Assert.Equal("nowhere", settings.SourceOf("AzureWebJobsStorage", new Hashtable()));
    }

    [Fact]
    public void A_local_settings_json_that_is_not_JSON_is_an_error_naming_the_file()
    {
        File.WriteAllText(Path.Combine(_root, "local.settings.json"), "{ \"Values\": ");

        var exception = Assert.Throws<InvalidDataException>(() => ToolSettings.Load(_root, new Hashtable()));

        Assert.Contains("local.settings.json", exception.Message, StringComparison.Ordinal);
    }
}
