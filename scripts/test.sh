#!/usr/bin/env bash
# Install (scripts/install.sh), lint, then run the whole test suite. Exit non-zero on any failure,
# and also when pytest collected no tests at all (its exit code 5).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh || exit 1
python3 -m ruff check src tests eval benchmarks || exit 1
python3 -m pytest -q -n 2 --dist loadfile "$@"
rc=$?
if [ "$rc" = "5" ]; then
  echo "error: pytest ran no tests" >&2
  exit 1
fi
exit "$rc"
