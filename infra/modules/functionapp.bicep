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
  Routing__EnquiryLinkBase: '${baseUrl}/api/enquiries/'
  Teams__WebhookUrl: '@Microsoft.KeyVault(SecretUri=${teamsWebhookUrlSecretUri})'
}

// A child resource rather than siteConfig.appSettings, so the settings can use the app's own host name.
resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: union(appSettings, platformSettings)
}

output name string = app.name
output url string = baseUrl
output planName string = plan.name
