#!/usr/bin/env bash
# Start-up time of the local Functions host, next to the worker's own start-up.
#   bench/host-startup.sh [runs (default 7)] [app folder (default: the host's sample app)]
# Builds the host and the app (Release), starts Azurite on free ports, starts the host N times and
# prints, per run and as medians:
#   host ready  - host process start to "Host ready" (handshake done, every function loaded, triggers open)
#   worker->StartStream, worker->loaded - the worker process's start to its StartStream and to its
#                 last FunctionLoadResponse, as the host measured them
# The host's sample app gets settings of its own; any other app (the product: functions/bin/Release/net10.0) gets
# local.settings.sample.json's, the run command's, with storage pointed at this Azurite and Graph, Teams and the
# notification URL at an address where nothing listens: start-up validates the settings and connects nothing else.
# Figures only; nothing is asserted. The machine's load shows in them: run it on an idle machine.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-7}"
app="${2:-tests/LocalFunctionsHost.SampleApp/bin/Release/net10.0}"
# shellcheck source=../tools/scripts/azurite.sh
source "$root/tools/scripts/azurite.sh"

work="$(mktemp -d -t lfh-bench.XXXXXX)"
cleanup() { set +e; azurite_stop; rm -rf "$work"; }
trap cleanup EXIT

echo "Building (Release)..." >&2
dotnet build tools/LocalFunctionsHost/LocalFunctionsHost.csproj -c Release --nologo -v:q -clp:ErrorsOnly >&2
sample_app=""
if [ "$app" = "tests/LocalFunctionsHost.SampleApp/bin/Release/net10.0" ]; then
  sample_app=1
  dotnet build tests/LocalFunctionsHost.SampleApp/LocalFunctionsHost.SampleApp.csproj -c Release --nologo -v:q -clp:ErrorsOnly >&2
elif [ "$app" = "functions/bin/Release/net10.0" ]; then
  dotnet build functions/OnePointEntry.Functions.csproj -c Release --nologo -v:q -clp:ErrorsOnly >&2
fi
TMPDIR="$work" azurite_start --free-ports >&2

if [ -n "$sample_app" ]; then
  cat > "$work/local.settings.json" <<JSON
{ "IsEncrypted": false, "Values": {
  "AzureWebJobsStorage": "$AZURITE_CONNECTION_STRING",
  "SampleInputQueue": "bench-in", "SampleOutputQueue": "bench-out", "SampleFailingQueue": "bench-fail",
  "SampleTimerQueue": "bench-timer", "SampleTimerSchedule": "0 0 0 1 1 *" } }
JSON
else
  # The product stops at start-up (exit 134) without its validated settings: give it the run command's.
  nowhere="http://127.0.0.1:9"
  STORAGE="$AZURITE_CONNECTION_STRING" NOWHERE="$nowhere" node -e '
    const fs = require("fs");
    const settings = JSON.parse(fs.readFileSync("local.settings.sample.json", "utf8"));
    const v = settings.Values;
    v.AzureWebJobsStorage = process.env.STORAGE;
    v.Graph__BaseUrl = process.env.NOWHERE + "/v1.0";
    v.Teams__WebhookUrl = process.env.NOWHERE + "/workflows/ope-screening/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=local-signature";
    v.Mail__NotificationUrl = process.env.NOWHERE + "/api/mail/notifications";
    fs.writeFileSync(process.argv[1], JSON.stringify(settings, null, 2));' "$work/local.settings.json"
fi

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '%-5s %12s %22s %18s\n' run "host ready" "worker->StartStream" "worker->loaded"
: > "$work/ready"; : > "$work/stream"; : > "$work/loaded"
for i in $(seq 1 "$runs"); do
  log="$work/run$i.log"
  dotnet tools/LocalFunctionsHost/bin/Release/net10.0/LocalFunctionsHost.dll \
    --app "$app" --settings "$work/local.settings.json" --port 0 --function-key bench >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    grep -q "Host ready in" "$log" && break
    kill -0 "$pid" 2>/dev/null || { echo "The host exited:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  kill -TERM "$pid"; wait "$pid" || true
  ready="$(grep -o 'Host ready in [0-9]*' "$log" | awk '{print $4}')"
  stream="$(grep -o 'process start to StartStream [0-9]*' "$log" | awk '{print $5}')"
  loaded="$(grep -o 'functions loaded [0-9]*' "$log" | awk '{print $3}')"
  echo "$ready" >> "$work/ready"; echo "$stream" >> "$work/stream"; echo "$loaded" >> "$work/loaded"
  printf '%-5s %9s ms %19s ms %15s ms\n' "$i" "$ready" "$stream" "$loaded"
done
ready_median="$(median < "$work/ready")"; loaded_median="$(median < "$work/loaded")"
printf '%-5s %9s ms %19s ms %15s ms\n' median "$ready_median" "$(median < "$work/stream")" "$loaded_median"
# The worker's own start (process start to every function loaded) is the baseline: what the host adds
# on top of it is its own start-up, the gRPC server and the trigger listeners.
awk -v r="$ready_median" -v l="$loaded_median" 'BEGIN { printf "host ready / worker loaded: %.2f (host overhead %d ms)\n", r / l, r - l }'
echo "($runs runs, $(nproc) cores, app: $app)"
