#!/usr/bin/env bash
# Issue 16's measurement: what the pipeline costs per enquiry, and whether that grows with the enquiries stored.
#   bench/pipeline.sh [--steps] [--forms N] [--mails N] [--clients N] [--patience minutes] [stored sizes...]
#   bench/pipeline.sh                                 # 0 10000 100000 stored, bursts of 2,000 forms + 200 mails, 16 clients
#   bench/pipeline.sh --steps --forms 200 --mails 20 0 1000   # a quick run, storage requests counted by step
#   bench/pipeline.sh --forms 200 --mails 20 100000   # a smaller burst where each enquiry is slow
# Builds in Release the app, the local Functions host, the ope tool and bench/Pipeline; starts an in-memory Azurite on
# free ports (and a second, idle one for the baseline), loads the sample staff and partners (ope seed), and runs
# bench/Pipeline: the Microsoft 365 stand-in in-process, the real app under the local host on a free port with
# local.settings.sample.json pointed at both, its files in a folder of its own under $TMPDIR (nothing of a developer's
# tools/run.sh is touched). Then:
#   - the baseline: 1,000 entities of ~1 KB inserted by the same number of clients with Azure.Data.Tables (median of 3
#     after a round not counted), into the app's Azurite and into the idle one;
#   - a warm-up of 22 enquiries, not measured; then for each stored size, ascending: the month topped up to that many
#     enquiries (the app's own entity rows, statuses spread as a week-old month has them; the warm-up's and each
#     burst's enquiries count towards the next size), a burst of forms (POST /api/enquiries, half as the form's script
#     sends them, half as a partner's JSON) and mails (delivered to the stand-in's inbox) by the clients, and a wait
#     until every one is screened and every screened one routed (the app's log lines, so the bench adds no storage
#     load) and the stand-in is quiet. Printed: accepted/s, answer p50/p95, screened/s, routed/s, storage requests per
#     enquiry (Azurite's access log, by kind), Graph requests per routed enquiry by step (recorded by the stand-in, each
#     placed by the invocation whose trace it carries) and CPU ms per enquiry of the worker, the host, Azurite and the
#     bench (/proc/<pid>/stat before and after);
#   - a summary table with routed/s ÷ raw inserts/s.
# --steps: Azurite writes its debug log, which has every request's traceparent, and storage requests are counted by
# step too (intake of a form or a mail, screening, routing). The debug log also holds every query's whole answer, which
# costs Azurite CPU and disk (about 1.5 MB an enquiry at 1,000 stored, growing with the month): for small runs only.
# Figures only: nothing is asserted on time. Exit code 1 only when a burst was not routed within the patience
# (default 120 minutes a burst), 2 for a bad command line.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=../tools/scripts/azurite.sh
source "$root/tools/scripts/azurite.sh"

work="$(mktemp -d -t pipeline-bench.XXXXXX)"
plain_pid=""
cleanup() {
  set +e
  azurite_stop
  if [ -n "$plain_pid" ]; then AZURITE_PID="$plain_pid" azurite_stop; fi
  # The debug log runs to gigabytes at 100,000 stored (PIPELINE_KEEP_DEBUG_LOG=1 keeps it); the host's output stays.
  if [ -z "${PIPELINE_KEEP_DEBUG_LOG:-}" ]; then rm -f "$work/azurite-debug.log"; fi
}
trap cleanup EXIT INT TERM

echo "Building (Release): the app, the local Functions host, the ope tool and the bench..."
for project in functions/OnePointEntry.Functions.csproj tools/LocalFunctionsHost/LocalFunctionsHost.csproj \
  tools/OnePointEntry.Tool/OnePointEntry.Tool.csproj bench/Pipeline/Pipeline.Bench.csproj; do
  dotnet build -c Release "$project" --nologo -v:q -clp:ErrorsOnly
done

# A second Azurite without the debug log, for the baseline alone (the log costs Azurite CPU).
TMPDIR="$work" azurite_start --free-ports
plain_pid="$AZURITE_PID"
plain_storage="$AZURITE_CONNECTION_STRING"
steps=""
for argument in "$@"; do
  if [ "$argument" = "--steps" ]; then steps=1; fi
done
logs=()
if [ -n "$steps" ]; then
  TMPDIR="$work" azurite_start --free-ports --debug "$work/azurite-debug.log"
  logs=(PIPELINE_AZURITE_DEBUG_LOG="$work/azurite-debug.log")
else
  TMPDIR="$work" azurite_start --free-ports
  logs=(PIPELINE_AZURITE_ACCESS_LOG="$AZURITE_LOG")
fi
echo "Azurite is running (pid $AZURITE_PID; files in $work)."

# Screening chooses among the sample staff and suggests the sample partners, as after an operator's `ope seed`.
AzureWebJobsStorage="$AZURITE_CONNECTION_STRING" dotnet tools/OnePointEntry.Tool/bin/Release/net10.0/ope.dll seed \
  --staff tools/OnePointEntry.Tool/SampleData/staff.json --partners tools/OnePointEntry.Tool/SampleData/partners.json

status=0
env TMPDIR="$work" AzureWebJobsStorage="$AZURITE_CONNECTION_STRING" PIPELINE_AZURITE_PID="$AZURITE_PID" \
  PIPELINE_PLAIN_STORAGE="$plain_storage" "${logs[@]}" \
  dotnet bench/Pipeline/bin/Release/net10.0/Pipeline.Bench.dll "$@" || status=$?
echo "The host's output: $work/pipeline-host.log"
exit "$status"
