#!/usr/bin/env bash
# Runs the browser tests: installs the npm packages from the lock file when they are missing.
# Usage: run.sh SEARCHD INDEXER CORPUS_DIR  (CTest passes the built binaries)
set -euo pipefail
export WM_SEARCHD=$(realpath "$1") WM_INDEXER=$(realpath "$2") WM_CORPUS_DIR=$(realpath "$3")
cd "$(dirname "$0")"
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
if [ ! -x "${WM_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "Chromium not found at ${WM_CHROMIUM:-/usr/bin/chromium}: apt-get install chromium (scripts/test does)" >&2
  exit 1
fi
exec timeout 600 node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs
