#!/usr/bin/env bash
# Sourced by test.sh and run.sh: installs Azurite from tools/package-lock.json and starts it.
#   azurite_start [--free-ports] [--debug FILE]   sets AZURITE_PID and AZURITE_CONNECTION_STRING
#   azurite_stop
# With --free-ports, Azurite listens on ports the system picks (tests, so parallel runs never clash)
# and keeps everything in memory; without it, it uses the standard ports 10000-10002 that
# UseDevelopmentStorage=true expects and keeps its data in .azurite/ at the repository root.
# With --debug FILE, Azurite writes its debug log there: every request's method, URL and headers with the time to
# the millisecond (bench/pipeline.sh counts requests from it). It is verbose and costs Azurite some CPU.

_OPE_TOOLS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_OPE_ROOT_DIR="$(cd "$_OPE_TOOLS_DIR/.." && pwd)"
_OPE_DEV_ACCOUNT_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

azurite_install() {
  if [ ! -x "$_OPE_TOOLS_DIR/node_modules/.bin/azurite" ] || [ "$_OPE_TOOLS_DIR/package-lock.json" -nt "$_OPE_TOOLS_DIR/node_modules/.package-lock.json" ]; then
    echo "Installing Azurite (npm ci in tools/)..." >&2
    (cd "$_OPE_TOOLS_DIR" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
}

azurite_start() {
  azurite_install || return 1
  local log
  log="$(mktemp -t azurite.XXXXXX.log)"
  AZURITE_LOG="$log"
  local -a args=(--skipApiVersionCheck --disableProductStyleUrl --loose
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1)
  local free_ports=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --free-ports) free_ports=1 ;;
      --debug) args+=(--debug "$2"); shift ;;
      *) echo "azurite_start: unknown option $1" >&2; return 1 ;;
    esac
    shift
  done
  if [ -n "$free_ports" ]; then
    args+=(--inMemoryPersistence --blobPort 0 --queuePort 0 --tablePort 0)
  else
    mkdir -p "$_OPE_ROOT_DIR/.azurite"
    args+=(--location "$_OPE_ROOT_DIR/.azurite" --blobPort 10000 --queuePort 10001 --tablePort 10002)
  fi
  "$_OPE_TOOLS_DIR/node_modules/.bin/azurite" "${args[@]}" >"$log" 2>&1 &
  AZURITE_PID=$!

  local i
  for i in $(seq 1 150); do
    if [ "$(grep -c 'successfully listening' "$log")" -ge 3 ]; then break; fi
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then
      echo "Azurite did not start:" >&2; cat "$log" >&2; return 1
    fi
    sleep 0.2
  done
  if [ "$(grep -c 'successfully listening' "$log")" -lt 3 ]; then
    echo "Azurite did not report its three endpoints within 30 s:" >&2; cat "$log" >&2
    azurite_stop; return 1
  fi
  local blob queue table
  blob="$(grep -oE 'Blob service is successfully listening at [^ ]+' "$log" | awk '{print $NF}')"
  queue="$(grep -oE 'Queue service is successfully listening at [^ ]+' "$log" | awk '{print $NF}')"
  table="$(grep -oE 'Table service is successfully listening at [^ ]+' "$log" | awk '{print $NF}')"
  AZURITE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$_OPE_DEV_ACCOUNT_KEY;BlobEndpoint=$blob/devstoreaccount1;QueueEndpoint=$queue/devstoreaccount1;TableEndpoint=$table/devstoreaccount1;"
  export AZURITE_CONNECTION_STRING AZURITE_PID AZURITE_LOG
}

azurite_stop() {
  if [ -n "${AZURITE_PID:-}" ] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    kill -TERM "$AZURITE_PID" 2>/dev/null
    # With on-disk data Azurite has been seen to close its services on TERM and then not exit.
    local i
    for i in $(seq 1 50); do kill -0 "$AZURITE_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$AZURITE_PID" 2>/dev/null
    wait "$AZURITE_PID" 2>/dev/null
  fi
  AZURITE_PID=""
  return 0
}
