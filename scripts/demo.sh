#!/usr/bin/env bash
# README command 1: install the dependencies, build, and open the workstation.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/packaging/install-deps.sh"
bash "$root/scripts/build.sh" "$root/build"
exec "$root/build/app/vigie" "$@"
