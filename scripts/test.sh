#!/usr/bin/env bash
# README command 2: install the dependencies, build with warnings as errors, and run every test:
# the full suite through ctest, then the GUI-free parsers again under ASan and UBSan.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
start=$SECONDS
bash "$root/packaging/install-deps.sh"

echo "== build"
bash "$root/scripts/build.sh" "$root/build" -DVIGIE_WERROR=ON
echo "== build took $((SECONDS - start)) s"

echo "== sanitizer build (GUI-free parsers, ASan + UBSan)"
bash "$root/scripts/build.sh" "$root/build-asan" -DVIGIE_SANITIZE=ON -DVIGIE_WERROR=ON \
    -DCMAKE_BUILD_TYPE=Debug

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
echo "== sanitizer tests"
ctest --test-dir "$root/build-asan" --output-on-failure -j2 || status=1
echo "== tests"
ctest --test-dir "$root/build" --output-on-failure -j2 || status=1
echo "== total $((SECONDS - start)) s"
exit $status
