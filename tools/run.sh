#!/usr/bin/env bash
# The README's run command: the app at http://127.0.0.1:7071 under the local Functions host.
#   tools/run.sh [LocalFunctionsHost options, e.g. --port 7072 --function-key mykey]
# Needs the .NET 10 SDK and Node.js. Creates local.settings.json from local.settings.sample.json when
# missing, installs and starts Azurite on its standard ports (what UseDevelopmentStorage=true expects;
# an Azurite already listening there is reused), builds the app and the host, runs the app until
# Ctrl+C, and stops the Azurite it started. The sample staff and partners are loaded on every start.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=scripts/azurite.sh
source "$root/tools/scripts/azurite.sh"

if [ ! -f local.settings.json ]; then
  if [ -f local.settings.sample.json ]; then
    cp local.settings.sample.json local.settings.json
    echo "Created local.settings.json from local.settings.sample.json."
  else
    printf '{\n  "IsEncrypted": false,\n  "Values": {\n    "AzureWebJobsStorage": "UseDevelopmentStorage=true",\n    "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated"\n  }\n}\n' > local.settings.json
    echo "Created a minimal local.settings.json."
  fi
fi

host_pid=""
cleanup() {
  set +e
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
    kill -TERM "$host_pid" 2>/dev/null || true
    wait "$host_pid" 2>/dev/null || true
  fi
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

echo "Building the app and the local Functions host..."
dotnet build functions/OnePointEntry.Functions.csproj --nologo -v:q -clp:ErrorsOnly
dotnet build tools/LocalFunctionsHost/LocalFunctionsHost.csproj --nologo -v:q -clp:ErrorsOnly
dotnet build tools/OnePointEntry.Tool/OnePointEntry.Tool.csproj --nologo -v:q -clp:ErrorsOnly

# Screening needs staff to choose from and partners to suggest: load the sample for Greater Copenhagen
# (entries are replaced by id; anything else added locally stays).
echo "Loading the sample staff and partners into local storage..."
dotnet tools/OnePointEntry.Tool/bin/Debug/net10.0/ope.dll seed \
  --staff tools/OnePointEntry.Tool/SampleData/staff.json --partners tools/OnePointEntry.Tool/SampleData/partners.json

# The web form is what people open first; the host lists every function's URL once it is ready.
port=7071
previous=""
for argument in "$@"; do
  if [ "$previous" = "--port" ]; then port="$argument"; fi
  previous="$argument"
done
echo "The enquiry form (Danish, English, Chinese): http://127.0.0.1:$port/api/form (add ?lang=da, en or zh)"

# The host runs in the background so that a TERM sent to this script reaches it too; it asks the
# worker to terminate and exits, and then Azurite is stopped.
dotnet tools/LocalFunctionsHost/bin/Debug/net10.0/LocalFunctionsHost.dll \
  --app functions/bin/Debug/net10.0 --settings local.settings.json --port 7071 "$@" &
host_pid=$!
trap 'kill -TERM "$host_pid" 2>/dev/null || true' INT TERM
status=0
wait "$host_pid" || status=$?
# A signal interrupts the first wait; wait again for the host's own exit status.
if kill -0 "$host_pid" 2>/dev/null; then
  wait "$host_pid" || status=$?
fi
host_pid=""
exit "$status"
