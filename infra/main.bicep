// One-Point Entry delegation intake: everything the Function App needs in Azure, in one resource group.
// Subscription scope, because azd provisions that way: it passes environmentName and location and this
// template creates the resource group. Deploy with `azd up` (main.parameters.json), or with
// `az deployment sub create --location <region> --parameters infra/main.test.bicepparam` (or main.prod).
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('Name of the environment (azd: AZURE_ENV_NAME), e.g. ope-test or ope-prod. Names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Azure region of the resources; one that offers the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
param location string

@description('test or prod: sizes, retention and redundancy (see the profiles below).')
@allowed([
  'test'
  'prod'
])
param environmentType string = 'test'

@description('Resource group name. Empty: rg-<environmentName>.')
param resourceGroupName string = ''

@description('Prefix of resource names. Empty: derived from the environment name.')
@maxLength(12)
param namePrefix string = ''

@description('The shared mailbox the app reads and sends from (Graph__Mailbox): UPN or object id.')
param mailbox string

@description('Who gets the monthly statistics report: e-mail addresses separated by ";".')
param reportRecipients string

@description('How many months an enquiry keeps its contact data and message text before it is anonymised (Retention__Months).')
@minValue(1)
@maxValue(600)
param retentionMonths int = 24

@description('Planner plan of the screening team (Planner__PlanId).')
param plannerPlanId string

@description('The plan\'s "Screening" bucket (Planner__BucketId).')
param plannerBucketId string

@description('Outbound mail that is not a reply: Graph (sendMail from the shared mailbox) or AzureCommunicationServices.')
@allowed([
  'Graph'
  'AzureCommunicationServices'
])
param mailSendingAdapter string = 'Graph'

@description('ACS Email sender domain. Empty: an Azure-managed domain (test). Production: the organisation\'s domain, verified in DNS.')
param acsCustomDomain string = ''

@description('Local part of the ACS sender address on a custom domain (an Azure-managed domain has only DoNotReply).')
param acsSenderUsername string = 'DoNotReply'

@description('Where ACS keeps its data at rest.')
param acsDataLocation string = 'Europe'

@secure()
@description('Graph subscription clientState, at least 16 random characters. Empty: set the Key Vault secret afterwards.')
param mailClientState string = ''

@secure()
@description('The Teams channel\'s Workflows webhook URL. Empty: set the Key Vault secret afterwards.')
param teamsWebhookUrl string = ''

@description('Client id of the Microsoft Entra app registration staff sign in with (printed by infra/register-staff-sign-in.ps1). Empty: no App Service Authentication; the staff workspace and API then refuse everyone (infra/README.md).')
param staffSignInClientId string = ''

@secure()
@description('That registration\'s client secret. Empty: not written here; the registration script puts it into Key Vault.')
param staffSignInClientSecret string = ''

@description('Object id of the deployer (azd: AZURE_PRINCIPAL_ID): gets Key Vault Secrets Officer and Table Data Contributor. Empty: none.')
param deployerPrincipalId string = ''

@description('Kind of principal the deployer is.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param deployerPrincipalType string = 'User'

@description('Reject Application Insights telemetry not sent with an Entra token. Only once the worker\'s telemetry uses the identity too (infra/README.md).')
param appInsightsDisableLocalAuth bool = false

var profiles = {
  test: {
    storageSku: 'Standard_LRS'
    logRetentionInDays: 30
    maximumInstanceCount: 40
    alwaysReadyHttpInstances: 0
    keyVaultSoftDeleteDays: 7
  }
  prod: {
    storageSku: 'Standard_ZRS'
    logRetentionInDays: 90
    maximumInstanceCount: 100
    alwaysReadyHttpInstances: 1
    keyVaultSoftDeleteDays: 90
  }
}
var profile = profiles[environmentType]

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var prefix = empty(namePrefix) ? toLower(replace(take(environmentName, 12), '_', '-')) : toLower(namePrefix)
var tags = {
  'azd-env-name': environmentName
  application: 'one-point-entry'
  environment: environmentType
}

// The app's tables and queues (shared/OnePointEntry.Infrastructure/Storage/StorageNames.cs, QueueNames).
var tableNames = [
  'Enquiries'
  'PoisonMessages'
  'MailMessages'
  'MailboxState'
  'Staff'
  'Partners'
  'Statistics'
  'Deliveries'
]
var queueNames = [
  'enquiry-screening'
  'enquiry-routing'
  'mail-intake'
  'mail-lifecycle'
  'deliveries'
]

var appName = '${abbrs.webSitesFunctions}${prefix}-${resourceToken}'
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: empty(resourceGroupName) ? '${abbrs.resourcesResourceGroups}${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}${prefix}-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${prefix}-${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${prefix}-${resourceToken}'
    location: location
    tags: tags
    retentionInDays: profile.logRetentionInDays
    disableLocalAuth: appInsightsDisableLocalAuth
  }
}

module storage 'modules/storage.bicep' = {
  scope: rg
  params: {
    name: take('${abbrs.storageStorageAccounts}${replace(prefix, '-', '')}${resourceToken}', 24)
    location: location
    tags: tags
    skuName: profile.storageSku
    deploymentContainerName: deploymentContainerName
    tableNames: tableNames
    queueNames: queueNames
  }
}

module keyVault 'modules/keyvault.bicep' = {
  scope: rg
  params: {
    name: take('${abbrs.keyVaultVaults}${resourceToken}', 24)
    location: location
    tags: tags
    softDeleteRetentionInDays: profile.keyVaultSoftDeleteDays
    mailClientState: mailClientState
    teamsWebhookUrl: teamsWebhookUrl
    staffSignInClientSecret: staffSignInClientSecret
  }
}

module communication 'modules/communication.bicep' = {
  scope: rg
  params: {
    communicationServiceName: '${abbrs.communicationCommunicationServices}${prefix}-${resourceToken}'
    emailServiceName: '${abbrs.communicationEmailServices}${prefix}-${resourceToken}'
    tags: tags
    dataLocation: acsDataLocation
    customDomainName: acsCustomDomain
    senderUsername: acsSenderUsername
  }
}

module rbac 'modules/rbac.bicep' = {
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    communicationServiceName: communication.outputs.communicationServiceName
    appPrincipalId: identity.outputs.principalId
    deployerPrincipalId: deployerPrincipalId
    deployerPrincipalType: deployerPrincipalType
  }
}

module functionApp 'modules/functionapp.bicep' = {
  scope: rg
  params: {
    planName: '${abbrs.webServerFarms}${prefix}-${resourceToken}'
    appName: appName
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    mailClientStateSecretUri: keyVault.outputs.mailClientStateSecretUri
    teamsWebhookUrlSecretUri: keyVault.outputs.teamsWebhookUrlSecretUri
    staffSignInClientId: staffSignInClientId
    staffSignInClientSecretUri: keyVault.outputs.staffSignInClientSecretUri
    maximumInstanceCount: profile.maximumInstanceCount
    alwaysReadyHttpInstances: profile.alwaysReadyHttpInstances
    // Every other setting of README.md's Settings table; the host name-dependent ones and the Key Vault
    // references are added by the module.
    appSettings: {
      Graph__Mailbox: mailbox
      Graph__BaseUrl: 'https://graph.microsoft.com/v1.0'
      Graph__Credential: ''
      Graph__ProcessedFolderName: 'Processed'
      MailSending__Adapter: mailSendingAdapter
      MailSending__AcsEndpoint: communication.outputs.endpoint
      MailSending__AcsSenderAddress: communication.outputs.senderAddress
      MailSending__AcsApiVersion: '2025-09-01'
      MailSending__AcsOperationTimeout: '00:02:00'
      Planner__PlanId: plannerPlanId
      Planner__BucketId: plannerBucketId
      Teams__MaxRetries: '3'
      Teams__RetryDelay: '00:00:01'
      Statistics__ReportRecipients: reportRecipients
      Directories__Freshness: '00:01:00'
      Retention__Months: string(retentionMonths)
      Retention__MaxPerRun: '1000'
      Deliveries__MaxAttempts: '10'
      Deliveries__FirstRetryDelay: '00:00:10'
      Deliveries__MaxRetryDelay: '00:10:00'
      Deliveries__HoldTime: '00:05:00'
      Deliveries__OverdueAfter: '00:02:00'
    }
  }
  // The identity must hold its storage and Key Vault roles before the app starts and resolves references.
  dependsOn: [
    rbac
  ]
}

// Outputs in UPPER_SNAKE: azd stores each in the environment (.azure/<env>/.env).
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTION_APP_URL string = functionApp.outputs.url
output SERVICE_API_URI string = functionApp.outputs.url
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output ACS_ENDPOINT string = communication.outputs.endpoint
output ACS_SENDER_ADDRESS string = communication.outputs.senderAddress
