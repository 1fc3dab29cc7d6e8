// Key Vault for the secrets the app cannot avoid: the Graph subscription's clientState, the Teams Workflows
// webhook URL (its signature lets anyone post to the channel) and the client secret App Service Authentication
// signs staff in with. Access by Azure RBAC only.

param name string
param location string
param tags object = {}

@description('Days a deleted vault or secret can be recovered. Purge protection keeps them for this long whatever anyone does.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@secure()
@description('Mail__ClientState (at least 16 characters). Empty: the secret is not written, set it afterwards (infra/README.md).')
param mailClientState string = ''

@secure()
@description('Teams__WebhookUrl. Empty: the secret is not written, set it afterwards (infra/README.md).')
param teamsWebhookUrl string = ''

@secure()
@description('Client secret of the staff sign-in app registration (MICROSOFT_PROVIDER_AUTHENTICATION_SECRET). Empty: the secret is not written; infra/register-staff-sign-in.ps1 sets it.')
param staffSignInClientSecret string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

// The names the app settings refer to: fixed, so the references hold whether or not a value is given here.
var mailClientStateSecretName = 'mail-client-state'
var teamsWebhookUrlSecretName = 'teams-webhook-url'
var staffSignInClientSecretName = 'staff-sign-in-client-secret'

resource mailClientStateSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(mailClientState)) {
  parent: vault
  name: mailClientStateSecretName
  properties: {
    value: mailClientState
    contentType: 'text/plain'
  }
}

resource teamsWebhookUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(teamsWebhookUrl)) {
  parent: vault
  name: teamsWebhookUrlSecretName
  properties: {
    value: teamsWebhookUrl
    contentType: 'text/uri-list'
  }
}

resource staffSignInClientSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(staffSignInClientSecret)) {
  parent: vault
  name: staffSignInClientSecretName
  properties: {
    value: staffSignInClientSecret
    contentType: 'text/plain'
  }
}

output name string = vault.name
output id string = vault.id
output vaultUri string = vault.properties.vaultUri
// Versionless secret URIs: the app follows the latest version of each secret.
output mailClientStateSecretUri string = '${vault.properties.vaultUri}secrets/${mailClientStateSecretName}'
output teamsWebhookUrlSecretUri string = '${vault.properties.vaultUri}secrets/${teamsWebhookUrlSecretName}'
output staffSignInClientSecretUri string = '${vault.properties.vaultUri}secrets/${staffSignInClientSecretName}'
