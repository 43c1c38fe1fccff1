#!/usr/bin/env bash
# Builds the real Python wheel, Java jar (+ local Maven repository) and Go module of the library
# with jsii-pacmak (full builds, not --code-only), one language at a time, and prints how long each
# took. .NET is generated as source only: these machines have no .NET SDK (`dotnet` is missing).
#
# Usage: scripts/bindings/build.sh [python] [java] [go]   (default: all three)
# Env:   BINDINGS_WORK  scratch folder for tool caches (Maven repository, GOPATH, pip cache);
#                       default: a fresh folder under /tmp, i.e. nothing is reused between runs.
# Output: dist/python/*.whl, dist/java/dev/cdktenantblocks/... (a Maven repository layout),
#         dist/go/cdktenantblocks (the Go module), dist/dotnet (sources), $BINDINGS_WORK/times.tsv
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

# shellcheck source=env.sh
source scripts/bindings/env.sh

langs=("$@")
[ ${#langs[@]} -eq 0 ] && langs=(python java go)

log() { echo "[bindings:build] $*"; }

# The handlers are bundled into assets/ at build time and shipped inside every language package.
if [ ! -d assets ] || [ -z "$(find assets -name index.js -print -quit)" ]; then
  log "assets/ is empty: bundling the handlers first"
  npx projen bundle
fi

# Go: jsii-pacmak's own build writes the npm-resolved version of every transitive jsii module into
# go.mod as an `// indirect` requirement (e.g. cloud-assembly-schema-go v53.28.0, because npm
# installed @aws-cdk/cloud-assembly-schema 53.28.0), and `go mod tidy` then fails when the Go proxy
# does not serve that version ("403 This module version is not available"). So generate the code
# with pacmak, drop those indirect pins and let Go's minimal version selection take them from
# aws-cdk-go's own go.mod, then do what pacmak's build does: go mod tidy and go build ./...
build_go() {
  log "jsii-pacmak --target go --code-only, then go mod tidy + go build (see build_go)"
  npx jsii-pacmak --target go --code-only --outdir dist --force
  local dir=dist/go/cdktenantblocks
  sed -i '/\/\/ indirect$/d' "$dir/go.mod"
  (cd "$dir" && go mod tidy && go build ./... )
  log "go.mod after tidy:"
  sed 's/^/    /' "$dir/go.mod"
}

t0=$(date +%s)
npx jsii --silence-warnings=reserved-word
log "jsii compile: $(( $(date +%s) - t0 ))s"
record jsii-compile "$(( $(date +%s) - t0 ))"

for lang in "${langs[@]}"; do
  case "$lang" in
    python|java|go) ;;
    *) echo "unknown language '$lang' (python, java, go)" >&2; exit 2 ;;
  esac
  rm -rf "dist/$lang"
  t=$(date +%s)
  extra=()
  # The Maven repository pacmak builds in is the one the Java smoke app resolves from: one download.
  [ "$lang" = java ] && extra=(--maven-local-repository "$M2_REPO")
  if [ "$lang" = go ]; then
    build_go
  else
    log "jsii-pacmak --target $lang (full build)"
    npx jsii-pacmak --target "$lang" --outdir dist --force "${extra[@]}"
  fi
  secs=$(( $(date +%s) - t ))
  log "$lang build: ${secs}s"
  record "build-$lang" "$secs"
done

# .NET: sources only (no SDK on these machines); a full build needs `dotnet` 8+.
if command -v dotnet >/dev/null 2>&1; then
  log "dotnet found: a full .NET build is possible but not part of this script"
fi
npx jsii-pacmak --target dotnet --code-only --outdir dist --force >/dev/null
log ".NET: sources generated in dist/dotnet ($(find dist/dotnet -type f | wc -l) files), not built (no .NET SDK)"

log "artifacts:"
find dist/python dist/java dist/go -maxdepth 6 \( -name '*.whl' -o -name '*.jar' -o -name go.mod \) 2>/dev/null | sed "s|^|  |"
log "times (seconds): $(tr '\n' ' ' < "$TIMES")"
cd "$root"
