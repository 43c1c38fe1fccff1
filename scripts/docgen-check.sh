#!/usr/bin/env bash
# Fails when API.md is not what jsii-docgen generates from the current code (needs a current
# .jsii: run after jsii). Refresh with `npx projen docgen` and commit API.md.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=.api-check.md
trap 'rm -f "$tmp"' EXIT
npx jsii-docgen -o "$tmp"
if ! diff -u API.md "$tmp" > /dev/null; then
  echo "API.md is out of date: run 'npx projen docgen' and commit API.md" >&2
  diff -u API.md "$tmp" | head -40 >&2 || true
  exit 1
fi
echo "API.md is current"
