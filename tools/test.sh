#!/usr/bin/env bash
# The one command that installs what is missing and runs every test:
#   tools/test.sh [extra dotnet test arguments]
# Needs the .NET 10 SDK and Node.js. Installs Azurite (npm ci in tools/), starts it on free ports, builds
# and checks the formatting, installs Debian's chromium for the browser tests when it is missing (apt-get; root
# or sudo), runs all test projects of the solution against it (unit, integration and
# end-to-end through the local Functions host), stops it, and ends with one line
# "N passed, N failed, N skipped" counted from the test results (a formatting difference counts as a failure).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=scripts/azurite.sh
source "$root/tools/scripts/azurite.sh"
# shellcheck source=scripts/chromium.sh
source "$root/tools/scripts/chromium.sh"

results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"

cleanup() { azurite_stop; }
trap cleanup EXIT INT TERM

azurite_start --free-ports || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
echo "Azurite is listening (log: $AZURITE_LOG)"

# Without a browser the browser tests fail, saying why; the others still run.
if chromium_install; then
  echo "Chromium for the browser tests: $CHROMIUM_PATH"
fi

dotnet build OnePointEntry.Functions.sln --configuration Release --nologo -v:q
build_status=$?
if [ $build_status -ne 0 ]; then
  echo "The build failed."
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

# Style is part of the build: the same check as `dotnet format`, without changing files.
format_failed=0
if ! dotnet format OnePointEntry.Functions.sln --verify-no-changes --no-restore -v:q; then
  echo "Formatting differs from .editorconfig: run 'dotnet format OnePointEntry.Functions.sln' and commit the result."
  format_failed=1
fi

# The end-to-end and browser tests each run the whole app, with its timers, queues and mailbox subscription, against
# a Microsoft 365 stand-in of their own; sharing one Azurite, each app would take the other's queue messages and
# mailbox state. So the browser tests run after the others, against a fresh Azurite of their own.
browser_project="tests/OnePointEntry.Browser.Tests/OnePointEntry.Browser.Tests.csproj"
filter="$results/all-but-browser.slnf"
{
  printf '{"solution":{"path":"../OnePointEntry.Functions.sln","projects":['
  dotnet sln OnePointEntry.Functions.sln list | grep -E '\.csproj$' | grep -vF "$(basename "$browser_project")" \
    | sed 's|\\|/|g; s|.*|"&"|' | paste -sd, -
  printf ']}}\n'
} > "$filter"
dotnet test "$filter" --configuration Release --no-build --nologo \
  --logger "trx" --results-directory "$results" "$@"
test_status=$?

azurite_stop
if azurite_start --free-ports; then
  dotnet test "$browser_project" --configuration Release --no-build --nologo \
    --logger "trx" --results-directory "$results" "$@" || test_status=$?
else
  test_status=1
fi

# Count from the TRX files rather than the console, so every test assembly is included and a crashed
# test host (no TRX counters) shows as a failure.
passed=0; failed=0; skipped=0
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); a=$(get aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done
if [ ${#trx_files[@]} -eq 0 ] || { [ $test_status -ne 0 ] && [ $failed -eq 0 ]; }; then
  # The runner failed without reporting a failed test (e.g. a test host crashed): never report green.
  failed=$((failed + 1))
fi

failed=$((failed + format_failed))
echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ] && [ $test_status -eq 0 ]
