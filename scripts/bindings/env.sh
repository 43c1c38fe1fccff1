# Shared settings of the bindings scripts (sourced, not run). Every tool cache lives under one
# scratch folder, so a run reuses nothing from the machine (~/.m2, ~/go, ~/.cache/pip) unless
# BINDINGS_WORK points at the folder of an earlier run.
if [ -z "${BINDINGS_WORK:-}" ]; then
  BINDINGS_WORK=$(mktemp -d /tmp/cdk-tenant-blocks-bindings.XXXXXX)
fi
mkdir -p "$BINDINGS_WORK"
BINDINGS_WORK=$(cd "$BINDINGS_WORK" && pwd)
export BINDINGS_WORK

# Maven: one local repository for pacmak's build and the Java smoke app.
export M2_REPO="$BINDINGS_WORK/m2"
# Go: module cache and build cache of this run only; modules from the public proxy.
export GOPATH="$BINDINGS_WORK/gopath"
export GOMODCACHE="$GOPATH/pkg/mod"
export GOCACHE="$BINDINGS_WORK/gocache"
export GOFLAGS="-modcacherw"
export GOTOOLCHAIN=local
# pip: no user-wide cache.
export PIP_CACHE_DIR="$BINDINGS_WORK/pip-cache"
export PIP_DISABLE_PIP_VERSION_CHECK=1

export TIMES="$BINDINGS_WORK/times.tsv"
touch "$TIMES"
# record NAME SECONDS: appends one measured time (the last one of a name wins in reports).
record() { printf '%s\t%s\n' "$1" "$2" >> "$TIMES"; }

# Node 20 is past its end of life: jsii (compiler and the runtime every language starts) prints a
# banner unless this lists the major version ("1" does not silence it: the value is a list of majors).
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
