#!/usr/bin/env bash
# The embedded detector against the same architecture in Debian's python3-torch 1.13, same input
# sizes and thread count: training samples per second and detection frames per second, as ratios
# (goal >= 1.0). Needs python3-torch (apt install python3-torch); uses /usr/bin/python3.
# Vigie keeps large freed blocks in its heap (models/heap.h); Python runs twice, with glibc's
# defaults (what a user of python3-torch gets) and with the same heap settings through
# GLIBC_TUNABLES (the same allocator behaviour: what is left is the frontends' own cost).
# Usage: bench/detector_bench.sh [BUILD_DIR] [THREADS] [STEPS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
threads=${2:-2}
steps=${3:-60}
cpp=$("$build/bench/bench_detector" "$threads" "$steps")
py=$(/usr/bin/python3 "$root/bench/detector_reference.py" "$threads" "$steps")
pyheap=$(GLIBC_TUNABLES=glibc.malloc.mmap_threshold=268435456:glibc.malloc.trim_threshold=536870912 \
    /usr/bin/python3 "$root/bench/detector_reference.py" "$threads" "$steps")
value() { echo "$1" | awk -v k="$2" '$1 == k { print $2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "threads: $threads, $steps training steps of 16 crops 96x96"
for key in train_samples_per_s detect_640x512_fps detect_640x512_x2_fps; do
    c=$(value "$cpp" "$key"); p=$(value "$py" "$key"); q=$(value "$pyheap" "$key")
    echo "$key: vigie $c; python3-torch $p (glibc defaults), ratio $(ratio "$c" "$p"); python3-torch $q (same heap settings), ratio $(ratio "$c" "$q")"
done
