using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OnePointEntry.Infrastructure.Templates.Tests;

/// <summary>The templates build and lint with no warning, and the parameter files fit main.bicep.</summary>
public sealed partial class BicepCliTests
{
    private static readonly Dictionary<string, string> s_productionEnvironment = new()
    {
        ["OPE_MAILBOX"] = "delegations@onepointentry.example",
        ["OPE_REPORT_RECIPIENTS"] = "management@onepointentry.example",
        ["OPE_PLANNER_PLAN_ID"] = "plan-id",
        ["OPE_PLANNER_BUCKET_ID"] = "bucket-id",
        ["OPE_ACS_DOMAIN"] = "mail.onepointentry.example",
    };

    [Fact]
    public void Main_template_builds_without_warnings()
    {
        var template = Bicep.MainTemplate;

        // Subscription scope: azd passes environmentName and location, and the template makes the resource group.
        Assert.Contains("subscriptionDeploymentTemplate", template["$schema"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(template["outputs"]);
    }

    [Theory]
    [InlineData("main.bicep")]
    [InlineData("modules/identity.bicep")]
    [InlineData("modules/monitoring.bicep")]
    [InlineData("modules/storage.bicep")]
    [InlineData("modules/keyvault.bicep")]
    [InlineData("modules/communication.bicep")]
    [InlineData("modules/rbac.bicep")]
    [InlineData("modules/functionapp.bicep")]
    public void Each_file_lints_without_warnings(string file) =>
        Bicep.Run(["lint", file]).AssertClean();

    [Fact]
    public void Every_module_in_the_folder_is_linted()
    {
        var modules = Directory.GetFiles(Path.Combine(Bicep.InfraFolder, "modules"), "*.bicep")
            .Select(path => "modules/" + Path.GetFileName(path))
            .Order(StringComparer.Ordinal);
        var linted = typeof(BicepCliTests).GetMethod(nameof(Each_file_lints_without_warnings))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(data => (string)data.GetData(null!).Single()[0])
            .Where(file => file.StartsWith("modules/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.Equal(modules, linted);
    }

    [Fact]
    public void Test_parameters_build_and_lint_without_warnings_and_without_any_environment()
    {
        var parameters = ParametersOf(Bicep.ParseOutput(Bicep.Run(["build-params", "main.test.bicepparam", "--stdout"])));
        Bicep.Run(["lint", "main.test.bicepparam"]).AssertClean();

        Assert.Equal("test", parameters["environmentType"]!["value"]!.GetValue<string>());
        Assert.Equal("ope-test", parameters["environmentName"]!["value"]!.GetValue<string>());
        Assert.Equal("AzureCommunicationServices", parameters["mailSendingAdapter"]!["value"]!.GetValue<string>());
        // No registration given: no App Service Authentication.
        Assert.Equal(string.Empty, parameters["staffSignInClientId"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Both_parameter_files_take_the_staff_sign_in_client_id_from_the_environment()
    {
        var clientId = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
        var test = ParametersOf(Bicep.ParseOutput(Bicep.Run(["build-params", "main.test.bicepparam", "--stdout"], new Dictionary<string, string> { ["OPE_STAFF_SIGN_IN_CLIENT_ID"] = clientId })));
        var production = ParametersOf(Bicep.ParseOutput(Bicep.Run(
            ["build-params", "main.prod.bicepparam", "--stdout"],
            new Dictionary<string, string>(s_productionEnvironment) { ["OPE_STAFF_SIGN_IN_CLIENT_ID"] = clientId })));

        Assert.Equal(clientId, test["staffSignInClientId"]!["value"]!.GetValue<string>());
        Assert.Equal(clientId, production["staffSignInClientId"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Production_parameters_build_and_lint_without_warnings_given_the_tenant_values()
    {
        var parameters = ParametersOf(Bicep.ParseOutput(Bicep.Run(["build-params", "main.prod.bicepparam", "--stdout"], s_productionEnvironment)));
        Bicep.Run(["lint", "main.prod.bicepparam"], s_productionEnvironment).AssertClean();

        Assert.Equal("prod", parameters["environmentType"]!["value"]!.GetValue<string>());
        Assert.Equal("delegations@onepointentry.example", parameters["mailbox"]!["value"]!.GetValue<string>());
        Assert.Equal("mail.onepointentry.example", parameters["acsCustomDomain"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Production_parameters_refuse_to_build_without_the_mailbox_recipients_and_planner_ids()
    {
        var result = Bicep.Run(["build-params", "main.prod.bicepparam", "--stdout"]);

        Assert.NotEqual(0, result.ExitCode);
        foreach (var variable in new[] { "OPE_MAILBOX", "OPE_REPORT_RECIPIENTS", "OPE_PLANNER_PLAN_ID", "OPE_PLANNER_BUCKET_ID" })
        {
            Assert.Contains($"\"{variable}\" does not exist", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Azd_parameters_file_gives_every_required_parameter_and_no_unknown_one()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(Bicep.InfraFolder, "main.parameters.json")))!;
        var given = file["parameters"]!.AsObject().Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        var declared = Bicep.MainTemplate["parameters"]!.AsObject();
        var required = declared.Where(pair => pair.Value!["defaultValue"] is null).Select(pair => pair.Key);

        Assert.Empty(required.Except(given));
        Assert.Empty(given.Except(declared.Select(pair => pair.Key)));
        foreach (var (name, value) in file["parameters"]!.AsObject())
        {
            // Every value comes from the azd environment: nothing tenant-specific or secret is in the file.
            Assert.Matches(AzdVariable(), value!["value"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Secure_parameters_are_declared_secure_and_have_no_default_but_empty()
    {
        var declared = Bicep.MainTemplate["parameters"]!.AsObject();
        foreach (var name in new[] { "mailClientState", "teamsWebhookUrl", "staffSignInClientSecret" })
        {
            Assert.Equal("securestring", declared[name]!["type"]!.GetValue<string>());
            Assert.Equal(string.Empty, declared[name]!["defaultValue"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Templates_refer_to_no_module_registry_or_template_spec()
    {
        foreach (var path in Directory.GetFiles(Bicep.InfraFolder, "*.bicep*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(path);
            Assert.DoesNotContain("'br:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'br/", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'ts:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'ts/", text, StringComparison.Ordinal);
        }

        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(Bicep.InfraFolder, "bicepconfig.json")), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        Assert.False(config.RootElement.TryGetProperty("moduleAliases", out _));
    }

    private static JsonObject ParametersOf(JsonObject buildParamsOutput) =>
        JsonNode.Parse(buildParamsOutput["parametersJson"]!.GetValue<string>())!["parameters"]!.AsObject();

    [GeneratedRegex(@"^\$\{[A-Z_]+(=[^}]*)?\}$")]
    private static partial Regex AzdVariable();
}
