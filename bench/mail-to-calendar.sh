#!/usr/bin/env bash
# Delivery to calendar event: the real app (Release) under the local host, against the Microsoft 365 stand-in and
# a fresh in-memory Azurite, N mails delivered one at a time:
#   bench/mail-to-calendar.sh [mails] [maxPollingInterval|-] [quiet seconds]   (default 20 mails, polling as host.json has it, 1 s)
# The second argument (e.g. 00:00:00.250) overrides host.json's queues.maxPollingInterval for this run only, to
# see what a shorter interval would give; leave it out (or "-") to measure what a deployment gets. The third is how
# long no request may reach the stand-in before the next mail is delivered.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=../tools/scripts/azurite.sh
source "$root/tools/scripts/azurite.sh"
# Azurite held in memory can take longer than azurite_stop waits for TERM; its KILL is not the bench failing.
trap 'azurite_stop || true' EXIT INT TERM
azurite_start --free-ports

echo "Building (Release): the app, the local Functions host, the ope tool and the bench..."
for project in functions/OnePointEntry.Functions.csproj tools/LocalFunctionsHost/LocalFunctionsHost.csproj \
  tools/OnePointEntry.Tool/OnePointEntry.Tool.csproj bench/MailToCalendar/MailToCalendar.Bench.csproj; do
  dotnet build -c Release "$project" --nologo -v:q -clp:ErrorsOnly
done

# Screening chooses among the sample staff and suggests the sample partners, as after an operator's `ope seed`.
AzureWebJobsStorage="$AZURITE_CONNECTION_STRING" dotnet tools/OnePointEntry.Tool/bin/Release/net10.0/ope.dll seed \
  --staff tools/OnePointEntry.Tool/SampleData/staff.json --partners tools/OnePointEntry.Tool/SampleData/partners.json

dotnet bench/MailToCalendar/bin/Release/net10.0/MailToCalendar.Bench.dll "$@"
