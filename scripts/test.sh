#!/usr/bin/env bash
# Set everything up (a local .venv with the test extras) and run the whole test suite.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -m slow` or `-k balance`.
source "$(dirname "$0")/_venv.sh" "dev"
cd "$ROOT"
"$VENV/bin/ruff" check src tests benchmarks
"$VENV/bin/mypy"
exec "$VENV/bin/python" -m pytest -n 2 "$@"
