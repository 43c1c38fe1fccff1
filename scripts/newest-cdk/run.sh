#!/usr/bin/env bash
# Issue 24: zero warnings from the library on the NEWEST aws-cdk-lib (the dev pin is the minimum
# peer, 2.257, see ../shared/TOOLCHAIN.md). Installs aws-cdk-lib@latest into a scratch folder,
# copies the library's sources and the example app beside a node_modules whose aws-cdk-lib is the
# newest one, and synthesizes the example: any synth warning or deprecated API use fails the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=${1:-latest}
constructs=$(node -p "require('constructs/package.json').version")
npm install --prefix "$work/cdk" --no-audit --no-fund --loglevel=error "aws-cdk-lib@$version" "constructs@$constructs" >/dev/null
mkdir -p "$work/p/node_modules" "$work/p/scripts"
cp -r src examples assets compliance package.json tsconfig.json tsconfig.dev.json "$work/p/"
cp -r scripts/newest-cdk "$work/p/scripts/"
for entry in "$root"/node_modules/* "$root"/node_modules/.bin; do
  name=$(basename "$entry")
  [ "$name" = aws-cdk-lib ] && continue
  ln -s "$entry" "$work/p/node_modules/$name"
done
ln -s "$work/cdk/node_modules/aws-cdk-lib" "$work/p/node_modules/aws-cdk-lib"
cd "$work/p"
JSII_DEPRECATED=fail TS_NODE_TRANSPILE_ONLY=1 npx ts-node --prefer-ts-exts scripts/newest-cdk/warnings.ts "$work/out"
