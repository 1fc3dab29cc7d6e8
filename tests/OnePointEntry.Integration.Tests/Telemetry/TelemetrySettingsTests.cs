using Azure.Identity;
using OnePointEntry.Functions.Telemetry;

namespace OnePointEntry.Integration.Tests.Telemetry;

public sealed class TelemetrySettingsTests
{
    [Fact]
    public void Without_an_authentication_string_the_exporter_uses_the_connection_strings_key()
    {
        Assert.Null(TelemetryHostApplicationBuilderExtensions.CredentialFrom(null));
        Assert.Null(TelemetryHostApplicationBuilderExtensions.CredentialFrom(" "));
    }

    [Theory]
    [InlineData("Authorization=AAD;ClientId=00000000-0000-0000-0000-000000000001")]
    [InlineData("Authorization=AAD")]
    public void An_entra_authentication_string_gives_a_managed_identity(string authentication)
    {
        Assert.IsType<ManagedIdentityCredential>(TelemetryHostApplicationBuilderExtensions.CredentialFrom(authentication));
    }

    [Fact]
    public void Another_authorization_stops_the_start_and_names_the_setting()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => TelemetryHostApplicationBuilderExtensions.CredentialFrom("Authorization=Key"));

        Assert.Contains(TelemetryHostApplicationBuilderExtensions.AuthenticationStringSetting, failure.Message, StringComparison.Ordinal);
    }
}
