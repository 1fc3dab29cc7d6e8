#!/usr/bin/env bash
# Crafted worst cases for the mail extractor: bodies of the given sizes (MB) generated in the process, each extracted
# three times after a warm-up; prints size, median time and ms/MB per case, by the clock and by the process's CPU time
# (which a busy machine moves less), and the slowest last. Nothing is asserted.
#   bench/extraction-worst-cases.sh [MB ...]     (default 1 5)
#   WORST_CASE="ordinary" bench/extraction-worst-cases.sh 0.1   # only the cases whose name starts so (to profile one)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet build -c Release bench/Extraction/Extraction.Bench.csproj --nologo -v:q -clp:ErrorsOnly
dotnet run -c Release --no-build --project bench/Extraction -- --worst-cases "$@"
