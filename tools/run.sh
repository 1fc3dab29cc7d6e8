#!/usr/bin/env bash
# The README's run command: the whole product on this machine. The app at http://127.0.0.1:7071 under the
# local Functions host, Azurite for storage, and the Microsoft 365 stand-in at http://127.0.0.1:7072 in place
# of Microsoft Graph, the Teams channel's webhook and ACS Email.
#   tools/run.sh [LocalFunctionsHost options, e.g. --function-key mykey]
# Needs the .NET 10 SDK and Node.js. Creates local.settings.json from local.settings.sample.json when
# missing, installs and starts Azurite on its standard ports (what UseDevelopmentStorage=true expects;
# an Azurite already listening there is reused), builds the app, the host, the stand-in and the ope tool,
# loads the sample staff and partners, starts the stand-in (its state kept in .standin/), runs the app
# until Ctrl+C, and then stops what it started.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=scripts/azurite.sh
source "$root/tools/scripts/azurite.sh"

app_port=7071
standin_port=7072
app_url="http://127.0.0.1:$app_port"
standin_url="http://127.0.0.1:$standin_port"
mailbox="delegations@onepointentry.example"
# The sample team lead (tools/OnePointEntry.Tool/SampleData/staff.json) whom the printed link signs in.
staff_email="jakob.krogh@onepointentry.example"
staff_name="Jakob Krogh Andersen"

if [ ! -f local.settings.json ]; then
  cp local.settings.sample.json local.settings.json
  echo "Created local.settings.json from local.settings.sample.json."
fi
# A local.settings.json from before the stand-in switched functions off or pointed Graph elsewhere: say so
# rather than leave a newcomer wondering why nothing reaches the stand-in's page.
if grep -qE '"AzureWebJobs\.[A-Za-z]+\.Disabled" *: *"?true' local.settings.json; then
  echo "Note: local.settings.json switches functions off (AzureWebJobs.<name>.Disabled); local.settings.sample.json runs them all."
fi
if ! grep -q "\"Graph__BaseUrl\": *\"$standin_url/v1.0\"" local.settings.json; then
  echo "Note: Graph__BaseUrl in local.settings.json is not the stand-in's ($standin_url/v1.0); mail, calendars, Planner and Teams go where it says."
fi

host_pid=""
standin_pid=""
cleanup() {
  set +e
  for pid in "$host_pid" "$standin_pid"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  azurite_stop
}
trap cleanup EXIT

if (exec 3<>/dev/tcp/127.0.0.1/10001) 2>/dev/null; then
  echo "Something already listens on 127.0.0.1:10001; using it as the queue service (Azurite)."
else
  echo "Starting Azurite on 127.0.0.1:10000-10002 (data in .azurite/)..."
  azurite_start
  echo "Azurite is running (log: $AZURITE_LOG)."
fi

if (exec 3<>/dev/tcp/127.0.0.1/$standin_port) 2>/dev/null; then
  echo "Something already listens on 127.0.0.1:$standin_port, where the Microsoft 365 stand-in goes: stop it first." >&2
  exit 1
fi

echo "Building the app, the local Functions host, the Microsoft 365 stand-in and the ope tool..."
for project in functions/OnePointEntry.Functions.csproj tools/LocalFunctionsHost/LocalFunctionsHost.csproj \
  tools/Microsoft365StandIn/Microsoft365StandIn.csproj tools/OnePointEntry.Tool/OnePointEntry.Tool.csproj; do
  dotnet build "$project" --nologo -v:q -clp:ErrorsOnly
done

# Screening needs staff to choose from and partners to suggest: load the sample for Greater Copenhagen
# (entries are replaced by id; anything else added locally stays).
echo "Loading the sample staff and partners into local storage..."
dotnet tools/OnePointEntry.Tool/bin/Debug/net10.0/ope.dll seed \
  --staff tools/OnePointEntry.Tool/SampleData/staff.json --partners tools/OnePointEntry.Tool/SampleData/partners.json

# The stand-in's tenant has the same sample staff as users, so their calendars and Planner assignments exist.
mkdir -p .standin
standin_log=".standin/standin.log"
echo "Starting the Microsoft 365 stand-in on $standin_url (state in .standin/state.json, log: $standin_log)..."
dotnet tools/Microsoft365StandIn/bin/Debug/net10.0/Microsoft365StandIn.dll --port "$standin_port" --mailbox "$mailbox" \
  --users tools/OnePointEntry.Tool/SampleData/staff.json --state-file .standin/state.json >"$standin_log" 2>&1 &
standin_pid=$!
for _ in $(seq 1 150); do
  if grep -q "stand-in ready" "$standin_log"; then break; fi
  if ! kill -0 "$standin_pid" 2>/dev/null; then
    echo "The Microsoft 365 stand-in did not start:" >&2; cat "$standin_log" >&2; exit 1
  fi
  sleep 0.2
done
if ! grep -q "stand-in ready" "$standin_log"; then
  echo "The Microsoft 365 stand-in did not report ready within 30 s:" >&2; cat "$standin_log" >&2; exit 1
fi

# The admin API needs the master key: the one given on the command line, else one made for this run.
key=""
function_key=""
previous=""
for argument in "$@"; do
  case "$previous" in
    --master-key) key="$argument" ;;
    --function-key) function_key="$argument" ;;
  esac
  previous="$argument"
done
key="${key:-$function_key}"
extra=()
if [ -z "$key" ]; then
  key="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
  extra=(--function-key "$key")
fi

# The host runs in the background so that a TERM sent to this script reaches it too; it asks the
# worker to terminate and exits, and then the stand-in and Azurite are stopped.
# Staff sign in as a sample team lead: the host plays App Service Authentication for that one person, as Entra ID
# does in Azure (the app trusts the platform's principal and nothing a client sends).
dotnet tools/LocalFunctionsHost/bin/Debug/net10.0/LocalFunctionsHost.dll \
  --app functions/bin/Debug/net10.0 --settings local.settings.json --port "$app_port" \
  --local-sign-in "$staff_email" --local-sign-in-name "$staff_name" --local-sign-in-roles Staff,TeamLead "${extra[@]}" "$@" &
host_pid=$!
trap 'kill -TERM "$host_pid" 2>/dev/null || true' INT TERM

# Node.js is there already (Azurite needs it), curl may not be. KeepMailbox runs every 15 minutes; run it once now so that the mailbox subscription exists and the
# delta query takes in what was delivered while the app was down, as a deployment does on its first tick.
for _ in $(seq 1 300); do
  if node -e "fetch('$app_url/api/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then break; fi
  if ! kill -0 "$host_pid" 2>/dev/null; then break; fi
  sleep 0.2
done
if kill -0 "$host_pid" 2>/dev/null; then
  if node -e "fetch('$app_url/admin/functions/KeepMailbox', { method: 'POST', headers: { 'x-functions-key': '$key', 'content-type': 'application/json' }, body: '{}' })
      .then(r => process.exit(r.status === 202 ? 0 : 1), () => process.exit(1))"; then
    echo "Mailbox subscription requested (KeepMailbox); mail delivered to the stand-in now arrives by notification."
  else
    echo "Could not run KeepMailbox through the admin API; it runs on its own within 15 minutes."
  fi
fi
cat <<EOF

The product is running:
  the staff workspace, signed in as $staff_name (team lead):
                                                $app_url/.auth/login/aad?post_login_redirect_uri=/api/workspace
  the enquiry form (Danish, English, Chinese):  $app_url/api/form (add ?lang=da, en or zh)
  what staff and senders got (Microsoft 365):   $standin_url/standin
  send a sample mail to the shared mailbox:     dotnet tools/OnePointEntry.Tool/bin/Debug/net10.0/ope.dll mail send tools/OnePointEntry.Tool/SampleMail/*.eml
Press Ctrl+C to stop.
EOF

status=0
wait "$host_pid" || status=$?
# A signal interrupts the first wait; wait again for the host's own exit status.
if kill -0 "$host_pid" 2>/dev/null; then
  wait "$host_pid" || status=$?
fi
host_pid=""
exit "$status"
