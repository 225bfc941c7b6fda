#!/usr/bin/env bash
# Runs the client tests: installs the npm packages from the lock file when they are missing.
# Usage: run.sh SEARCHD INDEXER CORPUS_DIR  (CTest passes the built binaries)
set -euo pipefail
export WM_SEARCHD=$(realpath "$1") WM_INDEXER=$(realpath "$2") WM_CORPUS_DIR=$(realpath "$3")
cd "$(dirname "$0")"
if [ ! -d node_modules/meilisearch ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec timeout 120 node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs
