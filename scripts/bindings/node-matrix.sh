#!/usr/bin/env bash
# Runs the synth and handler jest tests under the Node.js versions users run (default 22 and 24),
# each installed from npm (the `node` package) into a scratch folder: the machine's Node 20 is past
# its end of life. Fails when any version fails, and prints each version's jest summary and time.
#
# Usage: scripts/bindings/node-matrix.sh [jest paths...]   (default: the synth and handler tests)
# Env:   NODE_VERSIONS  majors to run (default "22 24")
#        BINDINGS_WORK  scratch folder (see env.sh); default a fresh one under /tmp
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
if [ -z "${BINDINGS_WORK:-}" ]; then
  BINDINGS_WORK=$(mktemp -d /tmp/cdk-tenant-blocks-nodes.XXXXXX)
  trap 'rm -rf "$BINDINGS_WORK"' EXIT
fi
mkdir -p "$BINDINGS_WORK"

# Synth tests of every block (templates, snapshots, compliance, validation) and the handler tests
# that need no PostgreSQL server; the real-PostgreSQL tests stay on the machine's Node in `test`.
tests=("$@")
[ ${#tests[@]} -eq 0 ] && tests=(test/core test/blocks/function/tenant-function.test.ts test/blocks/link test/platform/hub test/cost test/tenant
  test/blocks/postgres/tenant-postgres.test.ts test/blocks/postgres/bootstrap.test.ts test/blocks/postgres/connection.test.ts)
read -r -a versions <<< "${NODE_VERSIONS:-22 24}"

summary=()
status=0
for major in "${versions[@]}"; do
  prefix="$BINDINGS_WORK/node$major"
  t=$(date +%s)
  if [ ! -x "$prefix/node_modules/.bin/node" ]; then
    mkdir -p "$prefix"
    npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error "node@$major" >/dev/null
  fi
  nodebin="$prefix/node_modules/.bin"
  version=$("$nodebin/node" --version)
  echo "::group::jest under Node.js $version (${tests[*]})"
  set +e
  # PATH first, so that jest's workers and every `node` a test spawns run the same version.
  PATH="$nodebin:$PATH" node "$root/node_modules/jest/bin/jest.js" --ci --maxWorkers=2 "${tests[@]}" 2>&1 | tee "$BINDINGS_WORK/jest-node$major.log"
  rc=${PIPESTATUS[0]}
  set -e
  echo "::endgroup::"
  line=$(grep -E '^Tests:' "$BINDINGS_WORK/jest-node$major.log" | tail -1)
  summary+=("Node.js $version: $([ "$rc" = 0 ] && echo PASS || echo FAIL) ${line:-no summary} ($(( $(date +%s) - t ))s)")
  [ "$rc" = 0 ] || status=1
done
printf '%s\n' "${summary[@]}"
exit "$status"
