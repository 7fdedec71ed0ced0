# Shared helpers for packaging/*.sh, install.sh and .ci/run. Sourced, not executed.
# shellcheck shell=bash

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# ensure_tools CMD:PACKAGE ... installs the Debian packages whose commands are missing (apt-get update first).
# A script must install what it needs itself: a fresh CI machine has only the .NET SDK.
ensure_tools() {
  local missing=() pair cmd pkg
  for pair in "$@"; do
    cmd=${pair%%:*}
    pkg=${pair#*:}
    if ! command -v "$cmd" >/dev/null 2>&1 && [ ! -e "$cmd" ]; then
      missing+=("$pkg")
    fi
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "-- installing Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# Debian architecture (amd64, arm64) -> .NET runtime identifier.
rid_for_arch() {
  case "$1" in
    amd64) echo linux-x64 ;;
    arm64) echo linux-arm64 ;;
    *) echo "unsupported architecture '$1' (amd64 or arm64)" >&2; return 2 ;;
  esac
}

host_arch() {
  if command -v dpkg >/dev/null 2>&1; then
    dpkg --print-architecture
  else
    case "$(uname -m)" in
      x86_64) echo amd64 ;;
      aarch64) echo arm64 ;;
      *) uname -m ;;
    esac
  fi
}

# The product version, from chargerd's project (single source of truth; the binaries print it with --version).
product_version() {
  sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$1/src/ChargerController.Worker/ChargerController.Worker.csproj" | head -n1
}
