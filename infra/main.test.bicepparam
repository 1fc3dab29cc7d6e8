// Test environment: `az deployment sub create --location <region> --parameters infra/main.test.bicepparam`
// (azd reads main.parameters.json instead). Values that differ per tenant come from environment variables,
// with placeholders that compile but must be replaced before a real deployment.
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'ope-test')
param location = readEnvironmentVariable('AZURE_LOCATION', 'northeurope')
param environmentType = 'test'
param mailbox = readEnvironmentVariable('OPE_MAILBOX', 'delegations-test@onepointentry.example')
param reportRecipients = readEnvironmentVariable('OPE_REPORT_RECIPIENTS', 'integration-team@onepointentry.example')
param plannerPlanId = readEnvironmentVariable('OPE_PLANNER_PLAN_ID', 'set-the-test-plan-id')
param plannerBucketId = readEnvironmentVariable('OPE_PLANNER_BUCKET_ID', 'set-the-test-bucket-id')
// Test sends through ACS from an Azure-managed domain, so the ACS path is exercised before production.
param mailSendingAdapter = 'AzureCommunicationServices'
param acsCustomDomain = ''
param acsDataLocation = 'Europe'
param mailClientState = readEnvironmentVariable('OPE_MAIL_CLIENT_STATE', '')
param teamsWebhookUrl = readEnvironmentVariable('OPE_TEAMS_WEBHOOK_URL', '')
// Staff sign-in: the app registration's client id from infra/register-staff-sign-in.ps1 (run after the first
// deployment, which gives the app's address). Empty: no App Service Authentication, the staff workspace refuses
// everyone. The client secret goes into Key Vault from that script; the variable is for pipelines that have it.
param staffSignInClientId = readEnvironmentVariable('OPE_STAFF_SIGN_IN_CLIENT_ID', '')
param staffSignInClientSecret = readEnvironmentVariable('OPE_STAFF_SIGN_IN_CLIENT_SECRET', '')
param deployerPrincipalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')
