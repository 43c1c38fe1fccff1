#!/usr/bin/env bash
# Runs the smoke app of each language against the packages in dist/ (scripts/bindings/build.sh),
# each in an isolated environment with that language's aws-cdk-lib 2.257.0, then compares every
# template with the TypeScript reference (asset hashes normalised) and every validation error text
# with the reference's. Exits non-zero on any difference.
#
# Usage: scripts/bindings/smoke.sh [python] [java] [go]   (default: all three)
# Env:   BINDINGS_WORK  scratch folder (see env.sh); default: a fresh folder under /tmp.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
# shellcheck source=env.sh
source scripts/bindings/env.sh

CDK_VERSION=2.257.0
CONSTRUCTS_VERSION=10.5.1
langs=("$@")
[ ${#langs[@]} -eq 0 ] && langs=(python java go)
out="$BINDINGS_WORK/out"
rm -rf "$out"
mkdir -p "$out"
version=$(node -p "require('./package.json').version")

log() { echo "[bindings:smoke] $*"; }
elapsed() { echo $(( $(date +%s) - $1 )); }

t=$(date +%s)
TS_NODE_TRANSPILE_ONLY=1 npx ts-node --prefer-ts-exts test/bindings/reference.ts "$out/typescript"
log "typescript reference: $(elapsed "$t")s"
record smoke-typescript "$(elapsed "$t")"

smoke_python() {
  local t venv="$BINDINGS_WORK/venv"
  t=$(date +%s)
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --no-cache-dir dist/python/*.whl "aws-cdk-lib==$CDK_VERSION" "constructs==$CONSTRUCTS_VERSION"
  log "python: venv with the wheel and aws-cdk-lib $CDK_VERSION: $(elapsed "$t")s"
  record install-python "$(elapsed "$t")"
  t=$(date +%s)
  "$venv/bin/python" test/bindings/python/app.py "$out/python"
  log "python: smoke app: $(elapsed "$t")s"
  record smoke-python "$(elapsed "$t")"
}

smoke_java() {
  local t target="$BINDINGS_WORK/java-target"
  local mvn=(mvn --batch-mode --quiet -Dmaven.repo.local="$M2_REPO" -Dbindings.version="$version"
    -Dbindings.repo="file://$root/dist/java" -Dbindings.target="$target")
  t=$(date +%s)
  # Resolves the jar and aws-cdk-lib into the run's own local repository ($M2_REPO), compiles, and
  # writes the classpath, so that the run below is a plain `java` (users: mvn compile exec:java).
  (cd test/bindings/java && "${mvn[@]}" compile dependency:build-classpath -Dmdep.outputFile="$target/classpath.txt")
  log "java: dependencies and compile: $(elapsed "$t")s"
  record install-java "$(elapsed "$t")"
  t=$(date +%s)
  (cd test/bindings/java && java -cp "$target/classes:$(cat "$target/classpath.txt")" com.example.tenant.SmokeApp "$out/java")
  log "java: smoke app: $(elapsed "$t")s"
  record smoke-java "$(elapsed "$t")"
}

smoke_go() {
  local t modfile="$BINDINGS_WORK/go-mod/go.mod"
  t=$(date +%s)
  # The committed go.mod points at ../../../dist/go; a copy of it, resolved against this run's
  # module cache, keeps the checkout unchanged (go mod tidy rewrites go.sum).
  mkdir -p "$(dirname "$modfile")"
  cp test/bindings/go/go.mod "$modfile"
  cp test/bindings/go/go.sum "$BINDINGS_WORK/go-mod/go.sum"
  (cd test/bindings/go && go mod edit -modfile="$modfile" \
    -replace "github.com/cdk-tenant-blocks/cdk-tenant-blocks-go/cdktenantblocks=$root/dist/go/cdktenantblocks" \
    && go mod tidy -modfile="$modfile" \
    && go build -modfile="$modfile" -o "$BINDINGS_WORK/go-smoke" .)
  log "go: modules and build: $(elapsed "$t")s"
  record install-go "$(elapsed "$t")"
  t=$(date +%s)
  (cd test/bindings/go && "$BINDINGS_WORK/go-smoke" "$out/go")
  log "go: smoke app: $(elapsed "$t")s"
  record smoke-go "$(elapsed "$t")"
}

for lang in "${langs[@]}"; do
  case "$lang" in
    python) smoke_python ;;
    java) smoke_java ;;
    go) smoke_go ;;
    *) echo "unknown language '$lang' (python, java, go)" >&2; exit 2 ;;
  esac
done

node scripts/bindings/compare.js "$out" "${langs[@]}"
log "times (seconds): $(tr '\t\n' '= ' < "$TIMES")"
