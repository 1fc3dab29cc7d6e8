// Azure Communication Services Email: an Email Communication Service with one domain (Azure-managed for
// test, the organisation's own for production), linked to a Communication Services resource whose
// endpoint the app's ACS sending adapter calls with its Microsoft Entra token.

param communicationServiceName string
param emailServiceName string
param tags object = {}

@description('Where ACS keeps its data at rest.')
param dataLocation string = 'Europe'

@description('Empty: an Azure-managed domain (xxxx.azurecomm.net), fine for tests. Otherwise the custom domain to send from; its DNS records must be verified by hand (infra/README.md).')
param customDomainName string = ''

@description('Local part of the sender address. An Azure-managed domain only has DoNotReply.')
param senderUsername string = 'DoNotReply'

@description('Display name of the sender.')
param senderDisplayName string = 'One-Point Entry'

var usesCustomDomain = !empty(customDomainName)

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource domain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: emailService
  name: usesCustomDomain ? customDomainName : 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: usesCustomDomain ? 'CustomerManaged' : 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

// Azure-managed domains come with DoNotReply and accept no other sender; a custom domain gets its own.
resource sender 'Microsoft.Communication/emailServices/domains/senderUsernames@2023-04-01' = if (usesCustomDomain) {
  parent: domain
  name: toLower(senderUsername)
  properties: {
    username: senderUsername
    displayName: senderDisplayName
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [
      domain.id
    ]
  }
}

output communicationServiceName string = communicationService.name
output communicationServiceId string = communicationService.id
output endpoint string = 'https://${communicationService.properties.hostName}'
output senderAddress string = '${usesCustomDomain ? senderUsername : 'DoNotReply'}@${domain.properties.mailFromSenderDomain}'
