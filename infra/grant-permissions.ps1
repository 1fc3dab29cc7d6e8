#Requires -Version 7.2
<#
.SYNOPSIS
    Grants the One-Point Entry app's managed identity the Microsoft Graph and Exchange Online permissions it
    needs, and no more. Read it before you run it; run it with -WhatIf first.

.DESCRIPTION
    The app calls Microsoft Graph app-only, as its user-assigned managed identity (the deployment's output
    MANAGED_IDENTITY_PRINCIPAL_ID is that identity's service principal object id).

    1. Microsoft Entra app roles on Microsoft Graph (tenant-wide by nature, so only those that cannot be
       narrowed elsewhere):
         Tasks.ReadWrite.All   Planner task in the team's plan (app-only Planner knows no narrower permission)
         User.ReadBasic.All    look up a screener's id and mail address (GET users/{id}?$select=id,mail,userPrincipalName)
    2. Exchange Online RBAC for Applications (default), each role limited by a management scope:
         Application Mail.ReadWrite       shared mailbox only: read, delta, move to "Processed", subscriptions
         Application Mail.Send            shared mailbox only: replies, acknowledgements, the monthly report
         Application Calendars.ReadWrite  members of the screeners' group only: getSchedule, screening events
       Mail.* and Calendars.* are deliberately NOT granted in Entra: Entra grants and Exchange RBAC grants add
       up, so an Entra grant would open every mailbox in the tenant whatever the scope says.
    Or, with -ScopingMode ApplicationAccessPolicy (the older mechanism): Mail.ReadWrite, Mail.Send and
    Calendars.ReadWrite are granted in Entra and an application access policy restricts them to the members
    of one mail-enabled security group that holds the shared mailbox and the screeners.

    Idempotent: what exists already is reported and left as it is. -WhatIf shows every change and makes none.
    Needs: PowerShell 7.2+, modules Microsoft.Graph.Applications (and Microsoft.Graph.Authentication) and
    ExchangeOnlineManagement 3.2+; a Privileged Role Administrator (or Global Administrator) for the Graph
    part and an Exchange Administrator for the Exchange part.

.EXAMPLE
    ./infra/grant-permissions.ps1 -ServicePrincipalObjectId <MANAGED_IDENTITY_PRINCIPAL_ID> `
        -SharedMailbox delegations@onepointentry.dk -ScreenersGroup screeners@onepointentry.dk -WhatIf
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    # Object id of the managed identity's service principal (output MANAGED_IDENTITY_PRINCIPAL_ID).
    [Parameter(Mandatory = $true)]
    [ValidatePattern('^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$')]
    [string] $ServicePrincipalObjectId,

    # The shared mailbox the app reads and sends from (Graph__Mailbox).
    [Parameter(Mandatory = $true)]
    [string] $SharedMailbox,

    # Mail-enabled security group whose members are the screeners (their calendars get screening events).
    [Parameter(Mandatory = $true)]
    [string] $ScreenersGroup,

    # RbacForApplications (recommended) or ApplicationAccessPolicy.
    [ValidateSet('RbacForApplications', 'ApplicationAccessPolicy')]
    [string] $ScopingMode = 'RbacForApplications',

    # ApplicationAccessPolicy mode only: a mail-enabled security group holding the shared mailbox AND the screeners.
    [string] $AccessPolicyGroup,

    # Prefix of the Exchange objects this script creates (management scopes, role assignments, policy).
    [string] $NamePrefix = 'OnePointEntry',

    # Skip the Connect-* calls when the session is connected already.
    [switch] $AlreadyConnected
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# Microsoft Graph's own application id: the same in every tenant.
$GraphAppId = '00000003-0000-0000-c000-000000000000'

if ($ScopingMode -eq 'ApplicationAccessPolicy' -and [string]::IsNullOrWhiteSpace($AccessPolicyGroup)) {
    throw '-AccessPolicyGroup is required with -ScopingMode ApplicationAccessPolicy.'
}

$entraRoles = @('Tasks.ReadWrite.All', 'User.ReadBasic.All')
if ($ScopingMode -eq 'ApplicationAccessPolicy') {
    $entraRoles += @('Mail.ReadWrite', 'Mail.Send', 'Calendars.ReadWrite')
}

# ---------------------------------------------------------------------------------------------------------
# 1. Microsoft Entra: app roles on Microsoft Graph for the managed identity.
# ---------------------------------------------------------------------------------------------------------
Import-Module Microsoft.Graph.Applications -ErrorAction Stop
if (-not $AlreadyConnected) {
    # Delegated scopes of the admin running the script, needed to assign app roles.
    Connect-MgGraph -Scopes 'Application.Read.All', 'AppRoleAssignment.ReadWrite.All' -NoWelcome
}

$app = Get-MgServicePrincipal -ServicePrincipalId $ServicePrincipalObjectId
$graph = Get-MgServicePrincipal -Filter "appId eq '$GraphAppId'"
Write-Host "Managed identity: $($app.DisplayName) (appId $($app.AppId))"

$existing = @(Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $app.Id -All |
    Where-Object { $_.ResourceId -eq $graph.Id } |
    ForEach-Object { $_.AppRoleId })

foreach ($roleName in $entraRoles) {
    # Look the role up by name in Graph's own list, so no id is copied into this script.
    $role = $graph.AppRoles | Where-Object { $_.Value -eq $roleName -and $_.AllowedMemberTypes -contains 'Application' }
    if ($null -eq $role) {
        throw "Microsoft Graph has no application permission named $roleName."
    }
    if ($existing -contains $role.Id) {
        Write-Host "  Graph $roleName : already granted"
        continue
    }
    if ($PSCmdlet.ShouldProcess($app.DisplayName, "Grant Microsoft Graph application permission $roleName")) {
        New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $app.Id -PrincipalId $app.Id `
            -ResourceId $graph.Id -AppRoleId $role.Id | Out-Null
        Write-Host "  Graph $roleName : granted"
    }
}

if ($ScopingMode -eq 'RbacForApplications') {
    # Warn about tenant-wide mail or calendar grants left over from earlier set-ups: they defeat the scopes below.
    $tooWide = $graph.AppRoles | Where-Object {
        $_.Value -in @('Mail.ReadWrite', 'Mail.Read', 'Mail.Send', 'Calendars.ReadWrite', 'Calendars.Read') -and $existing -contains $_.Id
    }
    foreach ($role in $tooWide) {
        Write-Warning "The identity holds the tenant-wide Entra permission $($role.Value). Remove it (Remove-MgServicePrincipalAppRoleAssignment) so Exchange's scopes take effect."
    }
}

# ---------------------------------------------------------------------------------------------------------
# 2. Exchange Online: limit mail to the shared mailbox and calendars to the screeners.
# ---------------------------------------------------------------------------------------------------------
Import-Module ExchangeOnlineManagement -ErrorAction Stop
if (-not $AlreadyConnected) {
    Connect-ExchangeOnline -ShowBanner:$false
}

if ($ScopingMode -eq 'RbacForApplications') {
    # Exchange's own pointer to the Entra service principal.
    $exoPrincipal = Get-ServicePrincipal -Identity $app.AppId -ErrorAction SilentlyContinue
    if ($null -eq $exoPrincipal) {
        if ($PSCmdlet.ShouldProcess($app.DisplayName, 'Register the service principal in Exchange Online')) {
            $exoPrincipal = New-ServicePrincipal -AppId $app.AppId -ObjectId $app.Id -DisplayName $app.DisplayName
        }
    }
    else {
        Write-Host "Exchange service principal: already registered"
    }

    $mailbox = Get-Mailbox -Identity $SharedMailbox
    $group = Get-DistributionGroup -Identity $ScreenersGroup

    $scopes = @(
        @{ Name = "$NamePrefix shared mailbox"; Filter = "PrimarySmtpAddress -eq '$($mailbox.PrimarySmtpAddress)'" },
        @{ Name = "$NamePrefix screeners"; Filter = "MemberOfGroup -eq '$($group.DistinguishedName)'" }
    )
    foreach ($scope in $scopes) {
        if (Get-ManagementScope -Identity $scope.Name -ErrorAction SilentlyContinue) {
            Write-Host "Management scope '$($scope.Name)': already there"
        }
        elseif ($PSCmdlet.ShouldProcess($scope.Name, "New management scope ($($scope.Filter))")) {
            New-ManagementScope -Name $scope.Name -RecipientRestrictionFilter $scope.Filter | Out-Null
            Write-Host "Management scope '$($scope.Name)': created"
        }
    }

    $assignments = @(
        @{ Role = 'Application Mail.ReadWrite'; Scope = "$NamePrefix shared mailbox" },
        @{ Role = 'Application Mail.Send'; Scope = "$NamePrefix shared mailbox" },
        @{ Role = 'Application Calendars.ReadWrite'; Scope = "$NamePrefix screeners" }
    )
    foreach ($assignment in $assignments) {
        $name = "$NamePrefix $($assignment.Role)"
        if (Get-ManagementRoleAssignment -Identity $name -ErrorAction SilentlyContinue) {
            Write-Host "Role assignment '$name': already there"
        }
        elseif ($PSCmdlet.ShouldProcess($app.DisplayName, "Assign '$($assignment.Role)' scoped to '$($assignment.Scope)'")) {
            New-ManagementRoleAssignment -Name $name -App $app.AppId -Role $assignment.Role `
                -CustomResourceScope $assignment.Scope | Out-Null
            Write-Host "Role assignment '$name': created"
        }
    }

    if (-not $WhatIfPreference) {
        # Exchange caches permissions for up to two hours; this shows what it decides now.
        Test-ServicePrincipalAuthorization -Identity $app.AppId -Resource $mailbox.PrimarySmtpAddress |
            Format-Table RoleName, InScope -AutoSize
    }
}
else {
    $existingPolicy = Get-ApplicationAccessPolicy -ErrorAction SilentlyContinue |
        Where-Object { $_.AppId -eq $app.AppId }
    if ($existingPolicy) {
        Write-Host "Application access policy: already there (scope $($existingPolicy.ScopeName))"
    }
    elseif ($PSCmdlet.ShouldProcess($app.DisplayName, "Restrict mail and calendar access to members of $AccessPolicyGroup")) {
        New-ApplicationAccessPolicy -AppId $app.AppId -PolicyScopeGroupId $AccessPolicyGroup -AccessRight RestrictAccess `
            -Description "${NamePrefix}: the shared mailbox and the screeners only" | Out-Null
        Write-Host 'Application access policy: created'
    }
    if (-not $WhatIfPreference) {
        Test-ApplicationAccessPolicy -AppId $app.AppId -Identity $SharedMailbox | Format-List AccessCheckResult
    }
}

Write-Host 'Done. Exchange applies new permissions within about an hour (up to two).'
