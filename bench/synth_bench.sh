#!/usr/bin/env bash
# Wall time to generate a realistic synthetic campaign (goal: a 60 s campaign in under 60 s on
# 2 cores). Usage: bench/synth_bench.sh [BUILD_DIR] [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
seconds=${2:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start=$(date +%s.%N)
"$build/app/cli/vigie-cli" synth --out "$work/c" --preset realistic --seed 1 --duration "$seconds" 2>/dev/null
end=$(date +%s.%N)
wall=$(echo "$end - $start" | bc -l)
printf '%s s realistic campaign generated in %.1f s wall; ratio campaign/wall %.2f (goal >= 1.0)\n' \
    "$seconds" "$wall" "$(echo "$seconds / $wall" | bc -l)"
