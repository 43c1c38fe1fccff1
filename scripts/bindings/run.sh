#!/usr/bin/env bash
# The `bindings` task: build the Python, Java and Go packages with jsii-pacmak, run each language's
# smoke app against them in isolated environments, compare every template and validation error
# with the TypeScript reference, and print each language's build and smoke time.
#
# Usage: scripts/bindings/run.sh [python] [java] [go]   (default: all three)
# Env:   BINDINGS_LANGUAGES  languages when no arguments are given (e.g. "python go")
#        BINDINGS_WORK       scratch folder; default a fresh one, removed at the end (nothing cached)
#        BINDINGS_KEEP=1     keep a default scratch folder (to look at the outputs)
set -euo pipefail
cd "$(dirname "$0")/../.."

langs=("$@")
if [ ${#langs[@]} -eq 0 ]; then
  read -r -a langs <<< "${BINDINGS_LANGUAGES:-python java go}"
fi

own_work=0
if [ -z "${BINDINGS_WORK:-}" ]; then
  BINDINGS_WORK=$(mktemp -d /tmp/cdk-tenant-blocks-bindings.XXXXXX)
  own_work=1
fi
export BINDINGS_WORK
cleanup() {
  # Go's module cache is read-only unless -modcacherw; env.sh sets it, chmod anyway.
  if [ "$own_work" = 1 ] && [ "${BINDINGS_KEEP:-0}" != 1 ]; then
    chmod -R u+w "$BINDINGS_WORK" 2>/dev/null || true
    rm -rf "$BINDINGS_WORK"
  fi
}
trap cleanup EXIT

start=$(date +%s)
echo "::group::bindings: build (${langs[*]})"
bash scripts/bindings/build.sh "${langs[@]}"
echo "::endgroup::"
echo "::group::bindings: smoke apps (${langs[*]})"
status=0
bash scripts/bindings/smoke.sh "${langs[@]}" || status=$?
echo "::endgroup::"

# One line per language: build, install (dependencies of the smoke app), smoke run.
times="$BINDINGS_WORK/times.tsv"
get() { awk -F'\t' -v k="$1" '$1 == k { v = $2 } END { print (v == "" ? "-" : v) }' "$times"; }
echo "bindings times (seconds, this run, nothing cached):"
printf '  %-10s %6s %8s %6s\n' language build install smoke
printf '  %-10s %6s %8s %6s\n' typescript "$(get jsii-compile)" - "$(get smoke-typescript)"
for lang in "${langs[@]}"; do
  printf '  %-10s %6s %8s %6s\n' "$lang" "$(get "build-$lang")" "$(get "install-$lang")" "$(get "smoke-$lang")"
done
echo "  total: $(( $(date +%s) - start ))s"
exit "$status"
