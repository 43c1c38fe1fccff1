#!/usr/bin/env bash
# Proves the API works from every jsii language: compile with jsii, then generate Python, Java,
# .NET and Go sources with jsii-pacmak --code-only (offline; full builds need registries these
# machines do not reach). Fails when any target produced nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.pacmak-check
rm -rf "$out"
npx jsii --silence-warnings=reserved-word
npx jsii-pacmak --code-only --outdir "$out"
for target in python java dotnet go; do
  count=$(find "$out/$target" -type f | wc -l)
  if [ "$count" -eq 0 ]; then
    echo "jsii-pacmak generated no $target sources" >&2
    exit 1
  fi
  echo "jsii-pacmak: $target: $count files"
done
rm -rf "$out"
