#!/usr/bin/env bash
# Crafted worst cases for the mail extractor: bodies of the given sizes (MB) generated in the process, each extracted
# three times after a warm-up; prints size, median time and ms/MB per case and the slowest last. Nothing is asserted.
#   bench/extraction-worst-cases.sh [MB ...]     (default 1 5)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet build -c Release bench/Extraction/Extraction.Bench.csproj --nologo -v:q -clp:ErrorsOnly
dotnet run -c Release --no-build --project bench/Extraction -- --worst-cases "$@"
