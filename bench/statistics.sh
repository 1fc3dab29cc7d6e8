#!/usr/bin/env bash
# The statistics' storage cost against a full read of every enquiry, in a fresh in-memory Azurite:
#   bench/statistics.sh [enquiries] [years]      (default 100000 over 10 years)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=../tools/scripts/azurite.sh
source "$root/tools/scripts/azurite.sh"
trap azurite_stop EXIT INT TERM
azurite_start --free-ports
dotnet run -c Release --project bench/Statistics -- "$@"
