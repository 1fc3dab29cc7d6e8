using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OnePointEntry.Infrastructure.Retention;
using OnePointEntry.Retention;

namespace OnePointEntry.Integration.Tests.Retention;

public sealed class RetentionSettingsTests
{
    [Fact]
    public void Without_settings_enquiries_keep_personal_data_for_24_months()
    {
        using var host = Build([]);

        Assert.Equal(new RetentionPolicy(24, 1000), host.Services.GetRequiredService<RetentionPolicy>());
    }

    [Theory]
    [InlineData("Retention:Months", "0", "Retention__Months")]
    [InlineData("Retention:Months", "601", "Retention__Months")]
    [InlineData("Retention:MaxPerRun", "0", "Retention__MaxPerRun")]
    public async Task A_period_out_of_range_stops_the_start_and_names_the_setting(string key, string value, string named)
    {
        using var host = Build(new() { [key] = value });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddRetention();
        return builder.Build();
    }
}
