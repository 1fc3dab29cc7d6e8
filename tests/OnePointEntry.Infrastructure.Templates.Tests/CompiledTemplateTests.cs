using System.Text.Json;
using System.Text.Json.Nodes;

namespace OnePointEntry.Infrastructure.Templates.Tests;

/// <summary>The security and wiring promises of infra/, checked on the ARM JSON that Azure would receive.</summary>
public sealed class CompiledTemplateTests
{
    private static readonly Dictionary<string, string> s_builtInRoles = new()
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "Storage Blob Data Owner",
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = "Storage Queue Data Contributor",
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = "Storage Table Data Contributor",
        ["4633458b-17de-408a-b874-0445c86b69e6"] = "Key Vault Secrets User",
        ["b86a8fe5-f2ae-4d5b-9f71-4bbbc8b2f7c5"] = "Key Vault Secrets Officer",
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Monitoring Metrics Publisher",
        ["09976791-48a7-449e-bb21-39d1a415f350"] = "Communication and Email Service Owner",
    };

    [Fact]
    public void No_key_connection_string_or_key_listing_anywhere()
    {
        var json = Bicep.MainTemplate.ToJsonString();

        foreach (var forbidden in new[] { "listKeys", "listkeys", "AccountKey", "listConnectionStrings", "SharedAccessKey", "primaryKey", "primaryConnectionString" })
        {
            Assert.DoesNotContain(forbidden, json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Storage_takes_only_entra_tokens_over_tls_12_and_has_no_public_blobs()
    {
        var storage = ArmTemplate.Single("Microsoft.Storage/storageAccounts").Properties();

        Assert.False(storage["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(storage["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.True(storage["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        Assert.True(storage["defaultToOAuthAuthentication"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", storage["minimumTlsVersion"]!.GetValue<string>());
        var container = ArmTemplate.Single("Microsoft.Storage/storageAccounts/blobServices/containers").Properties();
        Assert.Equal("None", container["publicAccess"]!.GetValue<string>());
    }

    [Fact]
    public void Storage_creates_the_apps_tables_and_queues_with_their_poison_queues()
    {
        var storageModule = ModuleDeployment("storage");
        var parameters = storageModule.Properties()["parameters"]!.AsObject();
        Assert.Equal("[variables('tableNames')]", parameters["tableNames"]!["value"]!.GetValue<string>());
        Assert.Equal("[variables('queueNames')]", parameters["queueNames"]!["value"]!.GetValue<string>());
        var variables = Bicep.MainTemplate["variables"]!;
        var tables = variables["tableNames"]!.AsArray().Select(node => node!.GetValue<string>());
        var queues = variables["queueNames"]!.AsArray().Select(node => node!.GetValue<string>());

        Assert.Equal(["Deliveries", "Enquiries", "MailMessages", "MailboxState", "Partners", "PoisonMessages", "Staff", "Statistics"], tables.Order(StringComparer.Ordinal));
        Assert.Equal(["deliveries", "enquiry-routing", "enquiry-screening", "mail-intake", "mail-lifecycle"], queues.Order(StringComparer.Ordinal));
        var queueResource = ArmTemplate.Single("Microsoft.Storage/storageAccounts/queueServices/queues");
        var copy = queueResource["copy"]!["count"]!.GetValue<string>();
        Assert.Contains("allQueueNames", copy, StringComparison.Ordinal);
        var storageTemplate = storageModule.Properties()["template"]!.AsObject();
        var allQueues = storageTemplate["variables"]!["allQueueNames"]!.GetValue<string>();
        Assert.Contains("-poison", allQueues, StringComparison.Ordinal);
        Assert.NotNull(ArmTemplate.Single("Microsoft.Storage/storageAccounts/tableServices/tables")["copy"]);
    }

    [Fact]
    public void Function_app_runs_dotnet_10_isolated_on_flex_consumption_with_https_tls_12_and_no_ftp()
    {
        var plan = ArmTemplate.Single("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", plan["sku"]!["name"]!.GetValue<string>());
        Assert.Equal("FlexConsumption", plan["sku"]!["tier"]!.GetValue<string>());
        Assert.True(plan.Properties()["reserved"]!.GetValue<bool>());

        var site = ArmTemplate.Single("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", site["kind"]!.GetValue<string>());
        Assert.Equal("UserAssigned", site["identity"]!["type"]!.GetValue<string>());
        var properties = site.Properties();
        Assert.True(properties["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("1.2", properties["siteConfig"]!["minTlsVersion"]!.GetValue<string>());
        Assert.Equal("1.2", properties["siteConfig"]!["scmMinTlsVersion"]!.GetValue<string>());
        Assert.Equal("Disabled", properties["siteConfig"]!["ftpsState"]!.GetValue<string>());
        Assert.Equal("[parameters('identityId')]", properties["keyVaultReferenceIdentity"]!.GetValue<string>());

        var config = properties["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", config["runtime"]!["name"]!.GetValue<string>());
        Assert.Equal("10.0", config["runtime"]!["version"]!.GetValue<string>());
        Assert.Equal("blobContainer", config["deployment"]!["storage"]!["type"]!.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", config["deployment"]!["storage"]!["authentication"]!["type"]!.GetValue<string>());
        Assert.NotNull(config["scaleAndConcurrency"]!["maximumInstanceCount"]);
        Assert.NotNull(config["scaleAndConcurrency"]!["instanceMemoryMB"]);

        var publishing = ArmTemplate.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies");
        Assert.Equal(2, publishing.Count);
        Assert.All(publishing, policy => Assert.False(policy.Properties()["allow"]!.GetValue<bool>()));
    }

    [Fact]
    public void App_settings_map_every_setting_of_the_sample_with_identity_storage_and_key_vault_references()
    {
        var settings = AppSettings();
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(Bicep.RepositoryRoot, "local.settings.sample.json")))!["Values"]!.AsObject();

        // Not in Azure: the storage connection string (identity-based there), the worker runtime (functionAppConfig
        // on Flex Consumption) and the local run's switched-off functions.
        var expected = sample.Select(pair => pair.Key)
            .Where(name => name is not "AzureWebJobsStorage" and not "FUNCTIONS_WORKER_RUNTIME")
            .Where(name => !name.StartsWith("AzureWebJobs.", StringComparison.Ordinal));
        Assert.Empty(expected.Except(settings.Keys));

        Assert.Equal("parameters('storageAccountName')", settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("parameters('identityClientId')", settings["AzureWebJobsStorage__clientId"]);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", settings.Keys);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", settings.Keys);

        Assert.Contains("@Microsoft.KeyVault(SecretUri={0})", settings["Mail__ClientState"], StringComparison.Ordinal);
        Assert.Contains("mailClientStateSecretUri", settings["Mail__ClientState"], StringComparison.Ordinal);
        Assert.Contains("@Microsoft.KeyVault(SecretUri={0})", settings["Teams__WebhookUrl"], StringComparison.Ordinal);
        Assert.Contains("teamsWebhookUrlSecretUri", settings["Teams__WebhookUrl"], StringComparison.Ordinal);
        Assert.Contains("ClientId={0};Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
        // Links in notifications open the enquiry's page in the staff workspace.
        Assert.Contains("/api/workspace/enquiries/", settings["Routing__EnquiryLinkBase"], StringComparison.Ordinal);
        Assert.Contains("/api/mail/notifications", settings["Mail__NotificationUrl"], StringComparison.Ordinal);
        Assert.Contains("defaultHostName", settings["Routing__EnquiryLinkBase"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_main_template_passes_the_tenant_values_and_the_acs_endpoint_into_the_app_settings()
    {
        var appSettings = ModuleDeployment("functionApp").Properties()["parameters"]!["appSettings"]!["value"]!.AsObject();

        Assert.Equal("[parameters('mailbox')]", appSettings["Graph__Mailbox"]!.GetValue<string>());
        Assert.Equal("[parameters('reportRecipients')]", appSettings["Statistics__ReportRecipients"]!.GetValue<string>());
        Assert.Equal("[parameters('plannerPlanId')]", appSettings["Planner__PlanId"]!.GetValue<string>());
        Assert.Equal("[parameters('plannerBucketId')]", appSettings["Planner__BucketId"]!.GetValue<string>());
        Assert.Contains("communication", appSettings["MailSending__AcsEndpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("endpoint", appSettings["MailSending__AcsEndpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("https://graph.microsoft.com/v1.0", appSettings["Graph__BaseUrl"]!.GetValue<string>());
        Assert.Equal(string.Empty, appSettings["Graph__Credential"]!.GetValue<string>());
    }

    [Fact]
    public void Every_role_assignment_is_a_known_built_in_role_with_a_deterministic_name_scoped_to_one_resource()
    {
        var rbac = ModuleDeployment("rbac").Properties()["template"]!["variables"]!;
        var roles = rbac["roles"]!.AsObject().ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>(), StringComparer.Ordinal);
        Assert.Equal(s_builtInRoles.Keys.Order(StringComparer.Ordinal), roles.Values.Order(StringComparer.Ordinal));
        var storageRoles = rbac["storageRoles"]!.AsArray().Select(node => RoleName(node!.GetValue<string>())).ToList();
        Assert.Equal(["storageBlobDataOwner", "storageQueueDataContributor", "storageTableDataContributor"], storageRoles);

        var assigned = new HashSet<string>(StringComparer.Ordinal);
        var assignments = ArmTemplate.OfType("Microsoft.Authorization/roleAssignments");
        foreach (var assignment in assignments)
        {
            var roleDefinition = assignment.Properties()["roleDefinitionId"]!.GetValue<string>();
            Assert.StartsWith("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ", roleDefinition, StringComparison.Ordinal);
            var names = roleDefinition.Contains("variables('storageRoles')[copyIndex()]", StringComparison.Ordinal)
                ? storageRoles
                : [RoleName(roleDefinition)];
            foreach (var name in names)
            {
                Assert.True(roles.ContainsKey(name), $"Unknown role {name} in {roleDefinition}.");
                assigned.Add(s_builtInRoles[roles[name]]);
            }

            // Named by guid(resource, principal, role): the same assignment on every redeployment.
            var assignmentName = assignment["name"]!.GetValue<string>();
            Assert.StartsWith("[guid(resourceId(", assignmentName, StringComparison.Ordinal);
            Assert.Contains("PrincipalId')", assignmentName, StringComparison.Ordinal);
            // Scoped to one resource of the resource group, never the group or the subscription.
            Assert.Matches(@"^\[resourceId\('Microsoft\.(Storage|KeyVault|Insights|Communication)/", assignment["scope"]!.GetValue<string>());
        }

        Assert.Equal(s_builtInRoles.Values.Order(StringComparer.Ordinal), assigned.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Key_vault_authorises_by_rbac_and_keeps_deleted_secrets()
    {
        var vault = ArmTemplate.Single("Microsoft.KeyVault/vaults").Properties();

        Assert.True(vault["enableRbacAuthorization"]!.GetValue<bool>());
        Assert.True(vault["enableSoftDelete"]!.GetValue<bool>());
        Assert.True(vault["enablePurgeProtection"]!.GetValue<bool>());
        var secrets = ArmTemplate.OfType("Microsoft.KeyVault/vaults/secrets");
        Assert.Equal(3, secrets.Count);
        Assert.All(secrets, secret => Assert.StartsWith("[not(empty(parameters(", secret["condition"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public void Staff_sign_in_is_app_service_authentication_with_entra_id_that_lets_anonymous_requests_through()
    {
        var authentication = SiteConfig("authsettingsV2");
        var properties = authentication.Properties();

        // Only with a client id: without a registration there is no authentication and the staff routes refuse everyone.
        Assert.Equal("[variables('staffSignInEnabled')]", authentication["condition"]!.GetValue<string>());
        Assert.Equal("[not(empty(parameters('staffSignInClientId')))]", FunctionAppVariable("staffSignInEnabled"));
        Assert.True(properties["platform"]!["enabled"]!.GetValue<bool>());

        // The form, enquiry submission, Graph's notifications and the health check stay anonymous: the app decides.
        Assert.Equal("AllowAnonymous", properties["globalValidation"]!["unauthenticatedClientAction"]!.GetValue<string>());
        Assert.False(properties["globalValidation"]!["requireAuthentication"]!.GetValue<bool>());
        Assert.True(properties["httpSettings"]!["requireHttps"]!.GetValue<bool>());
        Assert.True(properties["login"]!["tokenStore"]!["enabled"]!.GetValue<bool>());
        Assert.Empty(properties["login"]!["allowedExternalRedirectUrls"]!.AsArray());

        var entra = properties["identityProviders"]!["azureActiveDirectory"]!;
        Assert.True(entra["enabled"]!.GetValue<bool>());
        Assert.Equal(
            "[format('{0}{1}/v2.0', environment().authentication.loginEndpoint, tenant().tenantId)]",
            entra["registration"]!["openIdIssuer"]!.GetValue<string>());
        Assert.Equal("[parameters('staffSignInClientId')]", entra["registration"]!["clientId"]!.GetValue<string>());
        Assert.Equal("[variables('staffSignInSecretSettingName')]", entra["registration"]!["clientSecretSettingName"]!.GetValue<string>());
        Assert.Equal("MICROSOFT_PROVIDER_AUTHENTICATION_SECRET", FunctionAppVariable("staffSignInSecretSettingName"));
        var audience = Assert.Single(entra["validation"]!["allowedAudiences"]!.AsArray())!.GetValue<string>();
        Assert.Equal("[format('api://{0}', parameters('staffSignInClientId'))]", audience);

        // The secret's setting is written first.
        var dependsOn = authentication["dependsOn"]!.AsArray().Select(node => node!.GetValue<string>());
        Assert.Contains(dependsOn, dependency => dependency.Contains("'appsettings'", StringComparison.Ordinal));
        var main = ModuleDeployment("functionApp").Properties()["parameters"]!;
        Assert.Equal("[parameters('staffSignInClientId')]", main["staffSignInClientId"]!["value"]!.GetValue<string>());
        Assert.Equal(string.Empty, Bicep.MainTemplate["parameters"]!["staffSignInClientId"]!["defaultValue"]!.GetValue<string>());
    }

    [Fact]
    public void The_sign_in_client_secret_is_a_key_vault_reference_set_only_with_sign_in()
    {
        var expression = SiteConfig("appsettings")["properties"]!.GetValue<string>();
        Assert.EndsWith(", variables('staffSignInSettings'))]", expression, StringComparison.Ordinal);

        var settings = FunctionAppVariable("staffSignInSettings");
        Assert.StartsWith("[if(variables('staffSignInEnabled'), createObject(", settings, StringComparison.Ordinal);
        Assert.Contains("variables('staffSignInSecretSettingName')", settings, StringComparison.Ordinal);
        Assert.Contains("format('@Microsoft.KeyVault(SecretUri={0})', parameters('staffSignInClientSecretUri'))", settings, StringComparison.Ordinal);
        Assert.EndsWith(", createObject())]", settings, StringComparison.Ordinal);
        var secretUri = ModuleDeployment("functionApp").Properties()["parameters"]!["staffSignInClientSecretUri"]!["value"]!.GetValue<string>();
        Assert.Equal("[reference('keyVault').outputs.staffSignInClientSecretUri.value]", secretUri);

        // The secret in Key Vault: written only when the deployment is given a value, under the name the
        // registration script writes.
        var keyVault = ModuleDeployment("keyVault").Properties()["template"]!;
        var secretName = keyVault["variables"]!["staffSignInClientSecretName"]!.GetValue<string>();
        Assert.Equal("staff-sign-in-client-secret", secretName);
        var script = File.ReadAllText(Path.Combine(Bicep.InfraFolder, "register-staff-sign-in.ps1"));
        Assert.Contains($"$SecretName = '{secretName}'", script, StringComparison.Ordinal);
        Assert.Equal("[parameters('staffSignInClientSecret')]", ModuleDeployment("keyVault").Properties()["parameters"]!["staffSignInClientSecret"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void The_registration_script_makes_the_app_roles_and_the_callback_the_app_and_the_platform_expect()
    {
        var script = File.ReadAllText(Path.Combine(Bicep.InfraFolder, "register-staff-sign-in.ps1"));

        // The roles' values are what arrives in the principal's roles claims and what the app checks.
        Assert.Contains("Value = 'Staff';", script, StringComparison.Ordinal);
        Assert.Contains("Value = 'TeamLead';", script, StringComparison.Ordinal);
        Assert.Contains("AllowedMemberTypes = @('User')", script, StringComparison.Ordinal);
        Assert.Contains("/.auth/login/aad/callback", script, StringComparison.Ordinal);
        Assert.Contains("EnableIdTokenIssuance = $true", script, StringComparison.Ordinal);
        Assert.Contains("-AppRoleAssignmentRequired:$true", script, StringComparison.Ordinal);
        Assert.Contains("api://$($app.AppId)", script, StringComparison.Ordinal);
        Assert.Contains("SupportsShouldProcess = $true", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Acs_email_domain_is_linked_to_the_communication_service()
    {
        var service = ArmTemplate.Single("Microsoft.Communication/communicationServices").Properties();
        var domain = ArmTemplate.Single("Microsoft.Communication/emailServices/domains").Properties();

        Assert.Contains("domain", service["linkedDomains"]!.AsArray().Single()!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("AzureManaged", domain["domainManagement"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_give_azd_the_app_name_and_url_and_the_grant_script_the_identity()
    {
        var outputs = Bicep.MainTemplate["outputs"]!.AsObject();

        foreach (var name in new[] { "AZURE_FUNCTION_APP_NAME", "FUNCTION_APP_URL", "AZURE_RESOURCE_GROUP", "AZURE_KEY_VAULT_NAME", "MANAGED_IDENTITY_PRINCIPAL_ID", "MANAGED_IDENTITY_CLIENT_ID" })
        {
            Assert.True(outputs.ContainsKey(name), $"Output {name} is missing.");
        }

        Assert.Contains("url", outputs["FUNCTION_APP_URL"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_yaml_deploys_the_functions_project_to_the_app_tagged_api()
    {
        var yaml = File.ReadAllLines(Path.Combine(Bicep.RepositoryRoot, "azure.yaml")).Select(line => line.Trim()).ToList();

        Assert.Contains("api:", yaml);
        Assert.Contains("project: ./functions", yaml);
        Assert.Contains("language: dotnet", yaml);
        Assert.Contains("host: function", yaml);
        Assert.Contains("provider: bicep", yaml);
        Assert.Contains("path: infra", yaml);
        Assert.True(File.Exists(Path.Combine(Bicep.RepositoryRoot, "functions", "OnePointEntry.Functions.csproj")));
        var serviceName = ModuleDeployment("functionApp").Properties()["parameters"]!["serviceName"]!["value"]!.GetValue<string>();
        Assert.Equal("api", serviceName);
        var tags = ArmTemplate.Single("Microsoft.Web/sites")["tags"]!.GetValue<string>();
        Assert.Contains("azd-service-name", tags, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> AppSettings()
    {
        var config = ArmTemplate.OfType("Microsoft.Web/sites/config").Single(resource => resource["name"]!.GetValue<string>().Contains("appsettings", StringComparison.Ordinal));
        // properties is union(parameters('appSettings'), createObject(name, value, ...)): the app's settings from
        // main.bicep, then the platform settings the module makes.
        var expression = config["properties"]!.GetValue<string>();
        const string Prefix = "[union(parameters('appSettings'), createObject(";
        Assert.StartsWith(Prefix, expression, StringComparison.Ordinal);
        var arguments = ArmExpression.Arguments(expression, Prefix.Length);
        Assert.True(arguments.Count % 2 == 0, "createObject takes names and values in pairs.");
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Count; i += 2)
        {
            settings.Add(arguments[i].Trim('\''), arguments[i + 1].Trim('\''));
        }

        var app = ModuleDeployment("functionApp").Properties()["parameters"]!["appSettings"]!["value"]!.AsObject();
        foreach (var (name, value) in app)
        {
            settings.Add(name, value!.GetValue<string>());
        }

        return settings;
    }

    private static JsonObject SiteConfig(string name) =>
        ArmTemplate.OfType("Microsoft.Web/sites/config")
            .Single(resource => resource["name"]!.GetValue<string>().EndsWith($"'{name}')]", StringComparison.Ordinal));

    private static string FunctionAppVariable(string name) =>
        ModuleDeployment("functionApp").Properties()["template"]!["variables"]![name]!.GetValue<string>();

    private static JsonObject ModuleDeployment(string symbolicName)
    {
        var resources = Bicep.MainTemplate["resources"]!.AsObject();
        return resources[symbolicName]?.AsObject() ?? throw new InvalidOperationException($"Module {symbolicName} not found.");
    }

    /// <summary>The role's key in the rbac module's <c>roles</c> variable, from <c>variables('roles').name</c>.</summary>
    private static string RoleName(string expression)
    {
        var match = System.Text.RegularExpressions.Regex.Match(expression, @"variables\('roles'\)\.(\w+)");
        Assert.True(match.Success, $"Not a role of the roles variable: {expression}");
        return match.Groups[1].Value;
    }
}
