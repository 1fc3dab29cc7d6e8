// The app's one identity: a user-assigned managed identity, so role assignments, Key Vault references and
// Microsoft Graph permissions can be granted before the Function App exists and survive its re-creation.

@description('Name of the user-assigned managed identity.')
param name string

param location string
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
