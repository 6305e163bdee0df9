#!/usr/bin/env bash
# Prove that the project's own files are enough: build a brand-new virtual environment with no
# pip cache, install allegiance from this checkout (not editable, so package data is checked
# too), run the reader tests in it, and run one `analyze` over every supported input format.
# CI runs this before the test suite; run it by hand after changing dependencies.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${PYTHON:-python3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/allegiance-fresh.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
echo "fresh install: new virtual environment in $WORK"
"$PY" -m venv "$WORK/venv"
export PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
"$WORK/venv/bin/python" -m pip install --quiet --upgrade pip
"$WORK/venv/bin/python" -m pip install --quiet "$ROOT[test]"
cd "$ROOT"
# the installed package, not the checkout's src/, must be what the tests import
"$WORK/venv/bin/python" -c "import allegiance, sys; assert 'site-packages' in allegiance.__file__, allegiance.__file__"
"$WORK/venv/bin/python" -m pytest -q -p no:cacheprovider -p no:xdist tests/ingest
"$WORK/venv/bin/python" "$ROOT/scripts/formats_check.py" "$WORK/venv/bin/allegiance" "$WORK/formats"
echo "fresh install: OK"
