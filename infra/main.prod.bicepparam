// Production: `az deployment sub create --location <region> --parameters infra/main.prod.bicepparam`
// (azd reads main.parameters.json instead). The mailbox, recipients and Planner ids have no defaults here:
// a production deployment without them stops at compile time.
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'ope-prod')
param location = readEnvironmentVariable('AZURE_LOCATION', 'northeurope')
param environmentType = 'prod'
param mailbox = readEnvironmentVariable('OPE_MAILBOX')
param reportRecipients = readEnvironmentVariable('OPE_REPORT_RECIPIENTS')
param plannerPlanId = readEnvironmentVariable('OPE_PLANNER_PLAN_ID')
param plannerBucketId = readEnvironmentVariable('OPE_PLANNER_BUCKET_ID')
// Replies and reports go out from the shared mailbox through Graph; ACS (on the organisation's own
// domain, verified in DNS) is there to switch to.
param mailSendingAdapter = readEnvironmentVariable('OPE_MAIL_SENDING_ADAPTER', 'Graph')
param acsCustomDomain = readEnvironmentVariable('OPE_ACS_DOMAIN', '')
param acsSenderUsername = readEnvironmentVariable('OPE_ACS_SENDER', 'delegations')
param acsDataLocation = 'Europe'
param mailClientState = readEnvironmentVariable('OPE_MAIL_CLIENT_STATE', '')
param teamsWebhookUrl = readEnvironmentVariable('OPE_TEAMS_WEBHOOK_URL', '')
// Staff sign-in: the app registration's client id from infra/register-staff-sign-in.ps1 (run after the first
// deployment, which gives the app's address). Empty: no App Service Authentication, the staff workspace refuses
// everyone. The client secret goes into Key Vault from that script; the variable is for pipelines that have it.
param staffSignInClientId = readEnvironmentVariable('OPE_STAFF_SIGN_IN_CLIENT_ID', '')
param staffSignInClientSecret = readEnvironmentVariable('OPE_STAFF_SIGN_IN_CLIENT_SECRET', '')
param deployerPrincipalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')
