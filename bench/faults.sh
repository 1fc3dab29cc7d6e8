#!/usr/bin/env bash
# Fault runs (issue 13): the real app (Release) under the local host, against the Microsoft 365 stand-in and an
# on-disk Azurite per run that the bench stops, restarts and freezes itself:
#   bench/faults.sh [runs] [scale] [drain minutes]      default: all four runs (1,2,3,4), scale 1, 30 minutes
#   bench/faults.sh 1 0.1                                run 1 with a tenth of the counts, for a quick try
# 1: storage stopped (SIGTERM) and restarted mid-burst; 2: Graph 429, then 503, then 5 s latency; 3: the app killed
# (SIGKILL) mid-burst and restarted; 4: notifications with a wrong clientState while storage is frozen (SIGSTOP).
# Prints figures and a summary table; exits non-zero only when a run could not be carried out.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=../tools/scripts/azurite.sh
source "$root/tools/scripts/azurite.sh"
azurite_install

echo "Building (Release): the app, the local Functions host, the ope tool and the bench..."
for project in functions/OnePointEntry.Functions.csproj tools/LocalFunctionsHost/LocalFunctionsHost.csproj \
  tools/OnePointEntry.Tool/OnePointEntry.Tool.csproj bench/Faults/Faults.Bench.csproj; do
  dotnet build -c Release "$project" --nologo -v:q -clp:ErrorsOnly
done

dotnet bench/Faults/bin/Release/net10.0/Faults.Bench.dll "$@"
