#!/usr/bin/env bash
# The embedded detector against the same architecture in Debian's python3-torch 1.13, same input
# sizes and thread count: training samples per second and detection frames per second, as ratios
# (goal >= 1.0). Needs python3-torch (apt install python3-torch); uses /usr/bin/python3.
# Usage: bench/detector_bench.sh [BUILD_DIR] [THREADS] [STEPS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
threads=${2:-2}
steps=${3:-60}
cpp=$("$build/bench/bench_detector" "$threads" "$steps")
py=$(/usr/bin/python3 "$root/bench/detector_reference.py" "$threads" "$steps")
value() { echo "$1" | awk -v k="$2" '$1 == k { print $2 }'; }
echo "threads: $threads, $steps training steps of 16 crops 96x96"
for key in train_samples_per_s detect_640x512_fps detect_640x512_x2_fps; do
    c=$(value "$cpp" "$key"); p=$(value "$py" "$key")
    echo "$key: vigie $c, python3-torch $p, ratio $(awk -v a="$c" -v b="$p" 'BEGIN { printf "%.2f", a / b }')"
done
