#!/usr/bin/env bash
# Video engine figures on a 1080p30 H.264 file with B-frames and a 60-frame GOP (generated):
# sequential decode against `ffmpeg -threads N -f null`, random-seek latency in frame decodes,
# backward-step cost, memory per cached frame. Also runs on any file given.
# Usage: bench/video_bench.sh [BUILD_DIR] [FILE] [THREADS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
file=${2:-}
threads=${3:-$(nproc)}
cli="$build/app/cli/vigie-cli"
[ -x "$cli" ] || { echo "no $cli: build first (scripts/build.sh)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$file" ]; then
    file="$work/bench1080.mp4"
    ffmpeg -v error -y -f lavfi -i testsrc2=size=1920x1080:rate=30 -t 20 \
        -c:v libx264 -preset veryfast -g 60 -bf 3 -pix_fmt yuv420p "$file"
fi
"$cli" video bench "$file" --threads "$threads"
