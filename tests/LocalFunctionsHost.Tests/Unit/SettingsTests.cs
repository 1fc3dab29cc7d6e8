using System.Collections;
using LocalFunctionsHost.Settings;
using LocalFunctionsHost.Timers;

namespace LocalFunctionsHost.Tests.Unit;

public sealed class SettingsTests
{
    [Fact]
    public void Host_json_route_prefix_and_queue_settings_are_read()
    {
        var settings = HostJsonSettings.Parse("""
            {
              // comments are allowed, as in the real host.json
              "version": "2.0",
              "extensions": {
                "http": { "routePrefix": "/v1/" },
                "queues": { "batchSize": 4, "newBatchThreshold": 2, "maxDequeueCount": 2, "visibilityTimeout": "00:00:30", "maxPollingInterval": "00:00:02", "messageEncoding": "none" }
              }
            }
            """);

        Assert.Equal("v1", settings.RoutePrefix);
        Assert.Equal(4, settings.Queues.BatchSize);
        Assert.Equal(2, settings.Queues.NewBatchThreshold);
        Assert.Equal(2, settings.Queues.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Queues.VisibilityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.Queues.MaxPollingInterval);
        Assert.False(settings.Queues.Base64Encoding);
    }

    [Fact]
    public void Host_json_defaults_match_the_real_host()
    {
        var settings = HostJsonSettings.Parse("""{ "version": "2.0" }""");

        Assert.Equal("api", settings.RoutePrefix);
        Assert.Equal(16, settings.Queues.BatchSize);
        Assert.Equal(5, settings.Queues.MaxDequeueCount);
        Assert.Equal(TimeSpan.Zero, settings.Queues.VisibilityTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.Queues.MaxPollingInterval);
        Assert.True(settings.Queues.Base64Encoding);
    }

    [Fact]
    public void App_settings_override_host_json_values_as_on_the_real_host()
    {
        var json = HostJsonSettings.ApplyOverrides(
            """{ "version": "2.0", "extensions": { "queues": { "maxDequeueCount": 5, "batchSize": 8 } } }""",
            new Dictionary<string, string>
            {
                ["AzureFunctionsJobHost__extensions__queues__maxDequeueCount"] = "2",
                ["azurefunctionsjobhost__Extensions__Queues__visibilityTimeout"] = "00:00:01",
                ["AzureFunctionsJobHost__extensions__http__routePrefix"] = "v2",
                ["Unrelated"] = "x",
            });

        var settings = HostJsonSettings.Parse(json);

        Assert.Equal(2, settings.Queues.MaxDequeueCount);
        Assert.Equal(8, settings.Queues.BatchSize);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.Queues.VisibilityTimeout);
        Assert.Equal("v2", settings.RoutePrefix);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData(null, false)]
    public void A_function_is_disabled_by_the_real_hosts_setting(string? value, bool disabled)
    {
        var values = new Dictionary<string, string>();
        if (value is not null)
        {
            values["AzureWebJobs.KeepMailbox.Disabled"] = value;
        }

        var settings = new AppSettings(values, new Hashtable());

        Assert.Equal(disabled, settings.IsFunctionDisabled("KeepMailbox"));
        Assert.False(settings.IsFunctionDisabled("Other"));
    }

    [Fact]
    public void Empty_route_prefix_is_kept_empty()
    {
        var settings = HostJsonSettings.Parse("""{ "extensions": { "http": { "routePrefix": "" } } }""");

        Assert.Equal(string.Empty, settings.RoutePrefix);
    }

    [Fact]
    public void Connection_name_is_looked_up_with_and_without_the_AzureWebJobs_prefix()
    {
        var settings = new AppSettings(
            new Dictionary<string, string> { ["AzureWebJobsStorage"] = "default", ["AzureWebJobsOther"] = "prefixed", ["Plain"] = "plain" },
            new Hashtable());

        Assert.Equal("default", settings.GetStorageConnectionString(null));
        Assert.Equal("prefixed", settings.GetStorageConnectionString("Other"));
        Assert.Equal("plain", settings.GetStorageConnectionString("Plain"));
        Assert.Contains("Missing", Assert.Throws<InvalidOperationException>(() => settings.GetStorageConnectionString("Missing")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Local_settings_values_override_the_environment_and_resolve_percent_names()
    {
        var settings = new AppSettings(
            new Dictionary<string, string> { ["QueueName"] = "from-file" },
            new Hashtable { ["QueueName"] = "from-environment", ["OnlyInEnvironment"] = "env" });

        Assert.Equal("from-file", settings.Resolve("%QueueName%"));
        Assert.Equal("env", settings.Resolve("%OnlyInEnvironment%"));
        Assert.Equal("literal", settings.Resolve("literal"));
        Assert.Throws<InvalidOperationException>(() => settings.Resolve("%Unset%"));
    }

    [Fact]
    public void A_platform_setting_wins_over_the_file_and_keeps_the_other_settings()
    {
        var settings = new AppSettings(
            new Dictionary<string, string> { ["WEBSITE_AUTH_ENABLED"] = "False", ["QueueName"] = "from-file" },
            new Hashtable { ["OnlyInEnvironment"] = "env" })
        {
            SettingsFile = "local.settings.json",
        };

        var withAuth = settings.WithPlatformSetting("WEBSITE_AUTH_ENABLED", "True");

        Assert.Equal("True", withAuth.FileValues["website_auth_enabled"]);
        Assert.Equal("True", withAuth.Get("WEBSITE_AUTH_ENABLED"));
        Assert.Equal("from-file", withAuth.FileValues["QueueName"]);
        Assert.Equal("env", withAuth.Get("OnlyInEnvironment"));
        Assert.Equal("local.settings.json", withAuth.SettingsFile);
        Assert.Equal("False", settings.Get("WEBSITE_AUTH_ENABLED"));
    }

    [Fact]
    public void Website_time_zone_wins_over_tz()
    {
        var settings = new AppSettings(
            new Dictionary<string, string> { ["WEBSITE_TIME_ZONE"] = "Asia/Tokyo", ["TZ"] = "Europe/London" },
            new Hashtable());

        Assert.Equal(TimeSpan.FromHours(9), AppTimeZone.Resolve(settings).BaseUtcOffset);
    }

    [Fact]
    public void Command_line_is_parsed_and_mistakes_are_explained()
    {
        var parsed = HostCommandLine.Parse(["--app", "bin/app", "--port", "0", "--function-key", "k"]);

        Assert.Equal("bin/app", parsed.AppPath);
        Assert.Equal(0, parsed.Port);
        Assert.Equal("k", parsed.FunctionKey);
        Assert.Equal(HostCommandLine.DefaultPort, HostCommandLine.Parse(["--app", "x"]).Port);
        Assert.Contains("--app is required", Assert.Throws<ArgumentException>(() => HostCommandLine.Parse([])).Message, StringComparison.Ordinal);
        Assert.Contains("--port", Assert.Throws<ArgumentException>(() => HostCommandLine.Parse(["--app", "x", "--port", "http"])).Message, StringComparison.Ordinal);
        Assert.Contains("--bogus", Assert.Throws<ArgumentException>(() => HostCommandLine.Parse(["--bogus"])).Message, StringComparison.Ordinal);
    }
}
