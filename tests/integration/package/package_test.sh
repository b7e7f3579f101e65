#!/usr/bin/env bash
# The Debian package, end to end: tools/package builds it (from this build folder, so nothing is
# compiled again), dpkg -i installs it, the installed meshform prints its version and commit (text
# and JSON) and renders an installed example with the installed stand-in renderer, the completion
# script, schemas and examples are in place; dpkg -r removes every file again. Prints how long
# packaging took. Usage: package_test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
root=$1
build=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

if dpkg -s meshform >/dev/null 2>&1; then
  fail "a meshform package is installed already; this test would replace and then remove it"
fi
start=$(date +%s)
deb=$(MESHFORM_PACKAGE_BUILD_DIR="$build" "$root/tools/package")
echo "tools/package: $deb in $(($(date +%s) - start)) s"
trap 'dpkg -r meshform >/dev/null 2>&1 || true' EXIT

version=$(sed -n 's/^project(meshform VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
[ "$(dpkg-deb -f "$deb" Package)" = meshform ] || fail "package name"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "package version"
[ -n "$(dpkg-deb -f "$deb" Maintainer)" ] || fail "no maintainer"
dpkg-deb -f "$deb" Depends | grep -q libc6 || fail "no dependencies on the runtime libraries"

dpkg -i "$deb" >/dev/null
files=(/usr/bin/meshform /usr/share/bash-completion/completions/meshform
       /usr/share/meshform/schemas/topology.schema.json
       /usr/share/doc/meshform/examples/seed-two-networks/topology.yaml
       /usr/share/doc/meshform/tools/istio-renderer)
for f in "${files[@]}"; do [ -e "$f" ] || fail "$f is not installed"; done
out=$(/usr/bin/meshform version)
[[ "$out" == "meshform $version (commit "?*")" ]] || fail "meshform version printed: $out"
json=$(/usr/bin/meshform version -o json)
python3 -c 'import json, sys; d = json.loads(sys.argv[1]); assert d["version"] == sys.argv[2] and d["commit"], d' \
  "$json" "$version" || fail "meshform version -o json printed: $json"
grep -q '^complete -o default -F _meshform meshform$' /usr/share/bash-completion/completions/meshform ||
  fail "the completion script does not register itself"
rendered=$(mktemp -d)
/usr/bin/meshform render -f /usr/share/doc/meshform/examples/seed-two-networks/topology.yaml \
  -d "$rendered" >/dev/null 2>&1 || fail "the installed example does not render"
[ -f "$rendered/beijing/kustomization.yaml" ] || fail "render wrote no kustomization"
rm -rf "$rendered"

dpkg -r meshform >/dev/null
for f in "${files[@]}"; do [ ! -e "$f" ] || fail "$f is left after dpkg -r"; done
trap - EXIT
echo "package test passed"
