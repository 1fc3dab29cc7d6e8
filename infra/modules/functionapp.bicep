// The Function App on a Flex Consumption plan (FC1, Linux), .NET 10 isolated worker, running as the
// user-assigned identity: host storage, the deployment package, Key Vault references, Application
// Insights and the app's own Azure SDK clients all authenticate with it. No keys, no connection strings.

param planName string
param appName string
param location string
param tags object = {}

@description('Tag that tells azd which service of azure.yaml deploys here.')
param serviceName string = 'api'

param identityId string
param identityClientId string

param storageAccountName string
param deploymentContainerUrl string

param applicationInsightsConnectionString string

@description('Versionless Key Vault secret URIs.')
param mailClientStateSecretUri string
param teamsWebhookUrlSecretUri string

@description('Client id of the Microsoft Entra app registration staff sign in with (infra/register-staff-sign-in.ps1). Empty: no App Service Authentication, and the app\'s staff routes refuse everyone.')
param staffSignInClientId string = ''

@description('Versionless Key Vault URI of that registration\'s client secret.')
param staffSignInClientSecretUri string

@description('Settings of the app itself (Graph__*, MailSending__*, Planner__*, Statistics__*, ...), merged over the platform settings.')
param appSettings object

@description('Instance memory of the Flex Consumption plan: 512, 2048 or 4096 MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound of instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Always-ready instances for the HTTP trigger group (0: scale to zero, cold starts allowed).')
@minValue(0)
param alwaysReadyHttpInstances int = 0

@description('Requests one instance handles at once for HTTP triggers.')
@minValue(1)
@maxValue(1000)
param httpPerInstanceConcurrency int = 16

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: alwaysReadyHttpInstances > 0
          ? [
              {
                name: 'http'
                instanceCount: alwaysReadyHttpInstances
              }
            ]
          : []
        triggers: {
          http: {
            perInstanceConcurrency: httpPerInstanceConcurrency
          }
        }
      }
    }
  }
}

// Publishing with a user name and password (FTP, and basic auth to the deployment endpoint) is off:
// azd deploys with a Microsoft Entra token.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

var baseUrl = 'https://${app.properties.defaultHostName}'

// Platform settings. Flex Consumption takes the worker runtime and its version from functionAppConfig.runtime
// and rejects FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION as app settings, so neither is here.
var platformSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  // The identity DefaultAzureCredential picks when code uses it.
  AZURE_CLIENT_ID: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  // The host sends its telemetry with the identity's token (needs Monitoring Metrics Publisher).
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  Mail__ClientState: '@Microsoft.KeyVault(SecretUri=${mailClientStateSecretUri})'
  Mail__NotificationUrl: '${baseUrl}/api/mail/notifications'
  // Links in notifications lead staff to the enquiry's page in the workspace.
  Routing__EnquiryLinkBase: '${baseUrl}/api/workspace/enquiries/'
  Teams__WebhookUrl: '@Microsoft.KeyVault(SecretUri=${teamsWebhookUrlSecretUri})'
}

var staffSignInEnabled = !empty(staffSignInClientId)

// The setting App Service Authentication reads the registration's client secret from (clientSecretSettingName
// below): a Key Vault reference, resolved with the identity like the others. Only with sign-in configured.
var staffSignInSecretSettingName = 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
var staffSignInSettings = staffSignInEnabled
  ? {
      '${staffSignInSecretSettingName}': '@Microsoft.KeyVault(SecretUri=${staffSignInClientSecretUri})'
    }
  : {}

// A child resource rather than siteConfig.appSettings, so the settings can use the app's own host name.
resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: union(appSettings, platformSettings, staffSignInSettings)
}

// App Service Authentication (Easy Auth v2) with Microsoft Entra ID, for the staff workspace. It lets every
// request through, signed in or not (AllowAnonymous): the web form, enquiry submission, Graph's notifications
// and the health check stay anonymous, and the app itself decides which routes need a signed-in member with
// which app role (Staff, TeamLead), from the X-MS-CLIENT-PRINCIPAL header. The platform removes any such header
// a client sends and sets WEBSITE_AUTH_ENABLED=True, the only case in which the app trusts the header.
// Without a client id nothing is deployed here: the app then sees no WEBSITE_AUTH_ENABLED and refuses staff
// routes to everyone. A configuration deployed before stays until it is switched off (infra/README.md).
resource authentication 'Microsoft.Web/sites/config@2024-04-01' = if (staffSignInEnabled) {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          // The v2.0 endpoint of the deployment's tenant, where staff accounts live.
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
          clientId: staffSignInClientId
          clientSecretSettingName: staffSignInSecretSettingName
        }
        validation: {
          allowedAudiences: [
            'api://${staffSignInClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: true
      }
      // After sign-in only the app's own paths (post_login_redirect_uri is relative), never another site.
      allowedExternalRedirectUrls: []
    }
    httpSettings: {
      requireHttps: true
    }
  }
  // The secret's setting must be there before the platform reads it.
  dependsOn: [
    settings
  ]
}

output name string = app.name
output url string = baseUrl
output planName string = plan.name
