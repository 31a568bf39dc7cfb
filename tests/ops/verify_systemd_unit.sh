#!/usr/bin/env bash
# Checks ops/systemd/earshot.service with `systemd-analyze verify` (directive
# names, values, sections), with ExecStart pointed at the earshot binary just
# built, since the unit names the installed path /usr/local/bin/earshot.
# Exit 77 (reported by ctest as skipped) when systemd-analyze is not installed.
# usage: verify_systemd_unit.sh SOURCE_ROOT EARSHOT_BINARY
set -euo pipefail
root=$1 binary=$2
if ! command -v systemd-analyze >/dev/null; then
  echo "systemd-analyze not installed (Debian package systemd): not checked"
  exit 77
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sed "s|/usr/local/bin/earshot|$binary|g" "$root/ops/systemd/earshot.service" >"$dir/earshot.service"
out=$(systemd-analyze verify "$dir/earshot.service" 2>&1) || { echo "$out"; exit 1; }
# verify exits 0 on some warnings; any line about our unit is a problem.
if grep -q "earshot.service" <<<"$out"; then
  echo "$out"
  exit 1
fi
echo "ops/systemd/earshot.service: ok"
