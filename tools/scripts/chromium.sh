#!/usr/bin/env bash
# Sourced by test.sh: installs Debian's Chromium when it is missing, for the browser tests.
#   chromium_install   sets and exports CHROMIUM_PATH, or returns 1 with the reason on stderr
# Debian's package, not a browser build downloaded by a test library: build machines here reach the
# distribution's package archive but not the sites those libraries download browsers from.

chromium_find() {
  local candidate
  for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

chromium_install() {
  local found
  if found="$(chromium_find)"; then
    CHROMIUM_PATH="$found"
    export CHROMIUM_PATH
    return 0
  fi

  local -a run_as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      run_as_root=(sudo -n)
    else
      echo "Chromium is missing and installing it needs root (or sudo): apt-get install chromium" >&2
      return 1
    fi
  fi

  # fonts-noto-cjk: without it the Chinese page renders as boxes (the tests pass either way, people do not).
  echo "Installing Chromium (apt-get install chromium fonts-noto-cjk)..." >&2
  local started=$SECONDS log
  log="$(mktemp -t chromium-install.XXXXXX.log)"
  if ! "${run_as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$log" 2>&1 \
    || ! "${run_as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      chromium fonts-noto-cjk >>"$log" 2>&1; then
    echo "apt-get could not install chromium:" >&2
    tail -n 20 "$log" >&2
    return 1
  fi

  if ! found="$(chromium_find)"; then
    echo "apt-get ran, but no chromium binary is at /usr/bin/chromium." >&2
    return 1
  fi

  echo "Chromium installed in $((SECONDS - started)) s: $("$found" --version 2>/dev/null)" >&2
  CHROMIUM_PATH="$found"
  export CHROMIUM_PATH
}
