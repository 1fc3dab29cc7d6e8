#Requires -Version 7.2
<#
.SYNOPSIS
    Creates or updates the Microsoft Entra app registration staff sign in with (App Service Authentication on
    the Function App), with the app roles Staff and TeamLead, and prints the client id for the deployment.
    Read it before you run it; run it with -WhatIf first.

.DESCRIPTION
    Bicep cannot create an app registration without the Microsoft Graph extension, which comes from a registry
    (infra/README.md, "Staff sign-in"); this script does it with Microsoft Graph PowerShell instead.

    1. The app registration (single tenant), found by its display name:
         redirect URI   <FunctionAppUrl>/.auth/login/aad/callback (others already there are kept)
         ID tokens      issued (App Service Authentication signs in with an ID token)
         identifier URI api://<client id> (the audience the deployment allows)
         app roles      Staff     Staff of One-Point Entry: worklist, corrections, status changes, routing again
                        TeamLead  Team leads: reassign screeners and erase personal data, as well as what staff may
                        (members: users and groups; ids kept across runs; other roles left as they are)
         delegated      openid, profile, email on Microsoft Graph (what sign-in asks for), with admin consent
                        for the whole organisation, so nobody is asked to consent
    2. Its service principal (enterprise application) with "Assignment required": only people (or groups)
       assigned one of the two roles can sign in at all; anyone else is turned away by Entra ID.
    3. A client secret, only with -KeyVaultName, when the registration has no valid one from this script or
       with -NewClientSecret: written straight into Key Vault as staff-sign-in-client-secret (the app setting
       MICROSOFT_PROVIDER_AUTHENTICATION_SECRET refers to it) with the Azure CLI; never printed.
    4. Optionally, role assignments: -StaffPrincipalIds and -TeamLeadPrincipalIds (object ids of users or, with
       Microsoft Entra ID P1 or P2, groups).

    Idempotent: what exists already is reported and left as it is. -WhatIf shows every change and makes none.
    Needs: PowerShell 7.2+, modules Microsoft.Graph.Applications and Microsoft.Graph.Identity.SignIns (and
    Microsoft.Graph.Authentication); an Application Administrator or Cloud Application Administrator (admin
    consent for Microsoft Graph permissions: Privileged Role Administrator or Global Administrator); for the
    secret, the Azure CLI signed in as someone holding Key Vault Secrets Officer on the vault (azd's deployer does).

.EXAMPLE
    ./infra/register-staff-sign-in.ps1 -FunctionAppUrl <FUNCTION_APP_URL> -KeyVaultName <AZURE_KEY_VAULT_NAME> `
        -DisplayName 'One-Point Entry staff sign-in (test)' -WhatIf
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    # The app's address (deployment output FUNCTION_APP_URL), e.g. https://func-ope-test-abc123.azurewebsites.net
    [Parameter(Mandatory = $true)]
    [ValidatePattern('^https://[^/\s]+/?$')]
    [string] $FunctionAppUrl,

    # Display name of the app registration: one registration per environment, so give each its own.
    [ValidateNotNullOrEmpty()]
    [string] $DisplayName = 'One-Point Entry staff sign-in',

    # The environment's Key Vault (output AZURE_KEY_VAULT_NAME). Without it no client secret is made.
    [string] $KeyVaultName,

    # Make a new client secret even if a valid one exists (rotation); the old one stays valid until it expires
    # or is removed in the portal.
    [switch] $NewClientSecret,

    # How long a new client secret is valid.
    [ValidateRange(1, 24)]
    [int] $SecretValidityMonths = 12,

    # Object ids of users (or groups) to assign the role Staff, and the role TeamLead (which includes Staff).
    [ValidatePattern('^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$')]
    [string[]] $StaffPrincipalIds = @(),

    [ValidatePattern('^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$')]
    [string[]] $TeamLeadPrincipalIds = @(),

    # Skip Connect-MgGraph when the session is connected already.
    [switch] $AlreadyConnected
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# Microsoft Graph's own application id: the same in every tenant.
$GraphAppId = '00000003-0000-0000-c000-000000000000'
# The Key Vault secret the deployment's app setting MICROSOFT_PROVIDER_AUTHENTICATION_SECRET refers to
# (infra/modules/keyvault.bicep).
$SecretName = 'staff-sign-in-client-secret'
# The name this script gives its client secrets, so it recognises them.
$SecretDisplayName = 'App Service Authentication'
# What App Service Authentication asks for at sign-in.
$SignInScopes = @('openid', 'profile', 'email')

$baseUrl = $FunctionAppUrl.TrimEnd('/')
$redirectUri = "$baseUrl/.auth/login/aad/callback"

# The app's roles: their values are what the app checks (functions/Staff/SignIn/StaffRole.cs).
$wantedRoles = @(
    @{ Value = 'Staff'; DisplayName = 'Staff'; Description = 'Staff of One-Point Entry: worklist, corrections, status changes, routing again' },
    @{ Value = 'TeamLead'; DisplayName = 'Team lead'; Description = 'Team leads: reassign screeners and erase personal data, as well as what staff may' }
)

if (($NewClientSecret) -and [string]::IsNullOrWhiteSpace($KeyVaultName)) {
    throw '-NewClientSecret needs -KeyVaultName: the secret goes into Key Vault and is never printed.'
}

Import-Module Microsoft.Graph.Applications -ErrorAction Stop
Import-Module Microsoft.Graph.Identity.SignIns -ErrorAction Stop
if (-not $AlreadyConnected) {
    # Delegated scopes of the admin running the script: app registrations and service principals, the
    # organisation-wide consent, and role assignments.
    Connect-MgGraph -Scopes 'Application.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All' -NoWelcome
}

$graph = Get-MgServicePrincipal -Filter "appId eq '$GraphAppId'"
$graphScopes = foreach ($scopeName in $SignInScopes) {
    # Look each permission up by name in Graph's own list, so no id is copied into this script.
    $scope = $graph.Oauth2PermissionScopes | Where-Object { $_.Value -eq $scopeName }
    if ($null -eq $scope) {
        throw "Microsoft Graph has no delegated permission named $scopeName."
    }
    @{ Id = $scope.Id; Type = 'Scope' }
}
$requiredResourceAccess = @(@{ ResourceAppId = $GraphAppId; ResourceAccess = @($graphScopes) })

# ---------------------------------------------------------------------------------------------------------
# 1. The app registration.
# ---------------------------------------------------------------------------------------------------------
$found = @(Get-MgApplication -Filter "displayName eq '$($DisplayName.Replace("'", "''"))'" -All)
if ($found.Count -gt 1) {
    throw "More than one app registration is named '$DisplayName'; remove the extra ones or pass another -DisplayName."
}

# Roles as the registration should have them: existing ids kept (assignments refer to them), others untouched.
function Get-AppRoles($existingRoles) {
    $roles = @()
    foreach ($wanted in $wantedRoles) {
        $existing = @($existingRoles) | Where-Object { $null -ne $_ -and $_.Value -eq $wanted.Value } | Select-Object -First 1
        $roles += @{
            Id                 = if ($existing) { $existing.Id } else { [guid]::NewGuid().ToString() }
            Value              = $wanted.Value
            DisplayName        = $wanted.DisplayName
            Description        = $wanted.Description
            AllowedMemberTypes = @('User')
            IsEnabled          = $true
        }
    }
    foreach ($other in @($existingRoles) | Where-Object { $null -ne $_ -and $_.Value -notin $wantedRoles.Value }) {
        Write-Warning "The registration has another app role, '$($other.Value)', which the app does not know; it is left as it is."
        $roles += @{
            Id                 = $other.Id
            Value              = $other.Value
            DisplayName        = $other.DisplayName
            Description        = $other.Description
            AllowedMemberTypes = @($other.AllowedMemberTypes)
            IsEnabled          = $other.IsEnabled
        }
    }
    return , $roles
}

if ($found.Count -eq 0) {
    if (-not $PSCmdlet.ShouldProcess($DisplayName, "Create the app registration (redirect URI $redirectUri, app roles Staff and TeamLead)")) {
        Write-Host 'Nothing more to show: the rest needs the registration.'
        return
    }
    $app = New-MgApplication -DisplayName $DisplayName -SignInAudience 'AzureADMyOrg' `
        -Web @{ RedirectUris = @($redirectUri); ImplicitGrantSettings = @{ EnableIdTokenIssuance = $true } } `
        -Api @{ RequestedAccessTokenVersion = 2 } `
        -AppRoles (Get-AppRoles @()) -RequiredResourceAccess $requiredResourceAccess
    Update-MgApplication -ApplicationId $app.Id -IdentifierUris @("api://$($app.AppId)")
    $app = Get-MgApplication -ApplicationId $app.Id
    Write-Host "App registration '$DisplayName': created (client id $($app.AppId))"
}
else {
    $app = $found[0]
    Write-Host "App registration '$DisplayName': there (client id $($app.AppId))"
    $changes = @{}
    $redirectUris = @($app.Web.RedirectUris)
    if ($redirectUris -notcontains $redirectUri -or -not $app.Web.ImplicitGrantSettings.EnableIdTokenIssuance) {
        $changes.Web = @{
            RedirectUris          = @($redirectUris + $redirectUri | Where-Object { $_ } | Select-Object -Unique)
            ImplicitGrantSettings = @{ EnableIdTokenIssuance = $true }
        }
    }
    if (@($app.IdentifierUris) -notcontains "api://$($app.AppId)") {
        $changes.IdentifierUris = @(@($app.IdentifierUris) + "api://$($app.AppId)" | Where-Object { $_ })
    }
    $roles = Get-AppRoles $app.AppRoles
    $rolesDiffer = foreach ($role in $roles) {
        $current = @($app.AppRoles) | Where-Object { $null -ne $_ -and $_.Id -eq $role.Id }
        -not $current -or $current.Description -ne $role.Description -or $current.DisplayName -ne $role.DisplayName -or
        -not $current.IsEnabled -or (@($current.AllowedMemberTypes) -join ',') -ne (@($role.AllowedMemberTypes) -join ',')
    }
    if ($rolesDiffer -contains $true) {
        $changes.AppRoles = $roles
    }
    $graphAccess = @($app.RequiredResourceAccess) | Where-Object { $null -ne $_ -and $_.ResourceAppId -eq $GraphAppId }
    $missing = @($graphScopes | Where-Object { $null -eq $graphAccess -or @($graphAccess.ResourceAccess.Id) -notcontains $_.Id })
    if ($missing.Count -gt 0) {
        $others = @($app.RequiredResourceAccess) | Where-Object { $null -ne $_ -and $_.ResourceAppId -ne $GraphAppId }
        $kept = if ($graphAccess) { @($graphAccess.ResourceAccess | ForEach-Object { @{ Id = $_.Id; Type = $_.Type } }) } else { @() }
        $changes.RequiredResourceAccess = @(@($others) | ForEach-Object { $_ }) + @(@{ ResourceAppId = $GraphAppId; ResourceAccess = @($kept + $missing) })
    }
    if ($changes.Count -eq 0) {
        Write-Host '  redirect URI, ID tokens, identifier URI, app roles, permissions: as they should be'
    }
    elseif ($PSCmdlet.ShouldProcess($DisplayName, "Update $($changes.Keys -join ', ')")) {
        Update-MgApplication -ApplicationId $app.Id @changes
        $app = Get-MgApplication -ApplicationId $app.Id
        Write-Host "  updated: $($changes.Keys -join ', ')"
    }
}

# ---------------------------------------------------------------------------------------------------------
# 2. The service principal: assignment required, organisation-wide consent to sign-in.
# ---------------------------------------------------------------------------------------------------------
$sp = Get-MgServicePrincipal -Filter "appId eq '$($app.AppId)'"
if ($null -eq $sp) {
    if ($PSCmdlet.ShouldProcess($DisplayName, 'Create the service principal with assignment required')) {
        # The tag lists it under Enterprise applications, where people are assigned to its roles.
        $sp = New-MgServicePrincipal -AppId $app.AppId -AppRoleAssignmentRequired:$true -Tags @('WindowsAzureActiveDirectoryIntegratedApp')
        Write-Host 'Service principal: created, assignment required'
    }
}
elseif (-not $sp.AppRoleAssignmentRequired) {
    if ($PSCmdlet.ShouldProcess($DisplayName, 'Require assignment on the service principal')) {
        Update-MgServicePrincipal -ServicePrincipalId $sp.Id -AppRoleAssignmentRequired:$true
        Write-Host 'Service principal: assignment now required'
    }
}
else {
    Write-Host 'Service principal: there, assignment required'
}

if ($null -ne $sp) {
    $grant = Get-MgOauth2PermissionGrant -Filter "clientId eq '$($sp.Id)' and resourceId eq '$($graph.Id)' and consentType eq 'AllPrincipals'" -All |
        Select-Object -First 1
    $granted = if ($grant) { @($grant.Scope -split ' ' | Where-Object { $_ }) } else { @() }
    $wantedScope = @($granted + $SignInScopes | Select-Object -Unique)
    if ($null -eq $grant) {
        if ($PSCmdlet.ShouldProcess($DisplayName, "Consent for the organisation to Microsoft Graph $($SignInScopes -join ', ')")) {
            New-MgOauth2PermissionGrant -ClientId $sp.Id -ResourceId $graph.Id -ConsentType 'AllPrincipals' -Scope ($wantedScope -join ' ') | Out-Null
            Write-Host "Consent: $($SignInScopes -join ', ') for the organisation"
        }
    }
    elseif ($wantedScope.Count -gt $granted.Count) {
        if ($PSCmdlet.ShouldProcess($DisplayName, "Extend the organisation's consent to $($wantedScope -join ', ')")) {
            Update-MgOauth2PermissionGrant -OAuth2PermissionGrantId $grant.Id -Scope ($wantedScope -join ' ')
            Write-Host "Consent: extended to $($wantedScope -join ', ')"
        }
    }
    else {
        Write-Host "Consent: already given ($($granted -join ', '))"
    }
}

# ---------------------------------------------------------------------------------------------------------
# 3. The client secret, straight into Key Vault.
# ---------------------------------------------------------------------------------------------------------
$now = [DateTimeOffset]::UtcNow
$valid = @($app.PasswordCredentials | Where-Object {
        $null -ne $_ -and $_.DisplayName -eq $SecretDisplayName -and $_.EndDateTime -and ([DateTimeOffset]$_.EndDateTime) -gt $now })
foreach ($credential in $valid) {
    $end = [DateTimeOffset]$credential.EndDateTime
    if ($end -lt $now.AddDays(30)) {
        Write-Warning "The client secret '$SecretDisplayName' ending $($credential.Hint)... expires on $($end.ToString('yyyy-MM-dd')): run again with -KeyVaultName and -NewClientSecret."
    }
}
if ([string]::IsNullOrWhiteSpace($KeyVaultName)) {
    if ($valid.Count -eq 0) {
        Write-Warning "No valid client secret: run again with -KeyVaultName <AZURE_KEY_VAULT_NAME> to make one and put it into Key Vault. Sign-in fails without it."
    }
}
elseif ($valid.Count -eq 0 -or $NewClientSecret) {
    if ($PSCmdlet.ShouldProcess($DisplayName, "New client secret valid for $SecretValidityMonths months, into Key Vault $KeyVaultName as $SecretName")) {
        if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
            throw 'The Azure CLI (az) is needed to write the secret into Key Vault.'
        }
        $password = Add-MgApplicationPassword -ApplicationId $app.Id -PasswordCredential @{
            DisplayName = $SecretDisplayName
            EndDateTime = $now.AddMonths($SecretValidityMonths).UtcDateTime
        }
        # From a temporary file only the current user can read (mode 600 on Linux and macOS, the user's own
        # temp folder on Windows), so the value is neither on a command line nor printed.
        $file = [System.IO.Path]::GetTempFileName()
        try {
            [System.IO.File]::WriteAllText($file, $password.SecretText)
            az keyvault secret set --vault-name $KeyVaultName --name $SecretName --file $file --encoding utf-8 --content-type text/plain --output none
            if ($LASTEXITCODE -ne 0) {
                throw "az keyvault secret set failed ($LASTEXITCODE). The new client secret ending $($password.Hint)... is on the registration: remove it in the portal, fix access to $KeyVaultName, and run again."
            }
        }
        finally {
            Remove-Item -LiteralPath $file -Force -ErrorAction SilentlyContinue
        }
        Write-Host "Client secret: new one (ending $($password.Hint)..., valid until $($now.AddMonths($SecretValidityMonths).ToString('yyyy-MM-dd'))) in Key Vault $KeyVaultName as $SecretName"
        Write-Host '  The app picks it up within a day, or at once after a restart: az functionapp restart --name <AZURE_FUNCTION_APP_NAME> --resource-group <AZURE_RESOURCE_GROUP>'
    }
}
else {
    Write-Host "Client secret: a valid one exists (ending $($valid[0].Hint)...); -NewClientSecret makes another"
}

# ---------------------------------------------------------------------------------------------------------
# 4. Role assignments given on the command line.
# ---------------------------------------------------------------------------------------------------------
$assignments = @(
    $StaffPrincipalIds | ForEach-Object { @{ PrincipalId = $_; Role = 'Staff' } }
    $TeamLeadPrincipalIds | ForEach-Object { @{ PrincipalId = $_; Role = 'TeamLead' } }
)
if ($assignments.Count -gt 0 -and $null -ne $sp) {
    $existing = @(Get-MgServicePrincipalAppRoleAssignedTo -ServicePrincipalId $sp.Id -All)
    foreach ($assignment in $assignments) {
        $role = @($app.AppRoles) | Where-Object { $_.Value -eq $assignment.Role }
        if ($null -eq $role) {
            Write-Warning "The registration has no role $($assignment.Role) yet (was it only shown with -WhatIf?)."
            continue
        }
        if ($existing | Where-Object { $_.PrincipalId -eq $assignment.PrincipalId -and $_.AppRoleId -eq $role.Id }) {
            Write-Host "  $($assignment.PrincipalId) $($assignment.Role): already assigned"
        }
        elseif ($PSCmdlet.ShouldProcess($assignment.PrincipalId, "Assign the app role $($assignment.Role)")) {
            try {
                New-MgServicePrincipalAppRoleAssignedTo -ServicePrincipalId $sp.Id -PrincipalId $assignment.PrincipalId `
                    -ResourceId $sp.Id -AppRoleId $role.Id | Out-Null
                Write-Host "  $($assignment.PrincipalId) $($assignment.Role): assigned"
            }
            catch {
                # A registration made a moment ago may not have reached every Entra ID replica yet.
                Write-Warning "  $($assignment.PrincipalId) $($assignment.Role): not assigned ($($_.Exception.Message)). Run the script again in a minute."
            }
        }
    }
}

Write-Host ''
Write-Host "Client id: $($app.AppId)"
Write-Host 'Deploy with it (infra/README.md, "Staff sign-in"):'
Write-Host "  azd env set OPE_STAFF_SIGN_IN_CLIENT_ID $($app.AppId); azd provision"
Write-Host "  or: export OPE_STAFF_SIGN_IN_CLIENT_ID=$($app.AppId) and az deployment sub create ... --parameters infra/main.<env>.bicepparam"
Write-Host 'Then assign people in Entra ID: Enterprise applications > this app > Users and groups > Add user/group > role Staff or TeamLead.'
