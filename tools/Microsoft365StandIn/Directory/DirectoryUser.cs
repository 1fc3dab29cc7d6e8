namespace Microsoft365StandIn;

/// <summary>A user of the tenant's directory: found by <see cref="Id"/> (object id), UPN or mail.</summary>
public sealed record DirectoryUser(string Id, string DisplayName, string Mail, string UserPrincipalName);
