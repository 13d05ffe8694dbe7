#!/usr/bin/env bash
# Install everything touchline needs on a fresh Debian machine: system packages (when run as root
# and missing), then the package with its dev extras. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium chromium-driver)
command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing system packages: ${need_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "note: not root or no apt-get; skipping system packages (${need_apt[*]}): browser/PostgreSQL tests will skip" >&2
  fi
fi
python3 -m pip install -q --disable-pip-version-check -e ".[dev,ray]"
