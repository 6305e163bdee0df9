#!/usr/bin/env bash
# Set everything up (a local .venv) and run the main job on the bundled demo corpus.
# Extra arguments go to `allegiance analyze`, e.g. `bash scripts/demo.sh my_articles/ -o report.html`.
source "$(dirname "$0")/_venv.sh" ""
cd "$ROOT"
exec "$VENV/bin/allegiance" analyze "$@"
