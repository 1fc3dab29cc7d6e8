#!/usr/bin/env bash
# What one worklist page costs in storage at a baseline size and ten times it, in a fresh in-memory Azurite:
#   bench/worklist.sh [sizes] [open share] [months] [runs]   (default 10000,100000 with 3% open over 24 months, 20 runs)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=../tools/scripts/azurite.sh
source "$root/tools/scripts/azurite.sh"
trap azurite_stop EXIT INT TERM
azurite_start --free-ports
dotnet run -c Release --project bench/Worklist -- "$@"
