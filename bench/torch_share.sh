#!/usr/bin/env bash
# Two LibTorch jobs started together on this machine: `vigie-cli detector train` and
# `vigie-cli proposer train` on the same generated campaign, each timed alone, then both at once.
# Prints each job's time beside the other as a ratio to its time alone (goal <= 2.2; on 2 cores
# without the core share of decision 26 a torch test took 6x its time alone).
# Then the same pair with the share turned off (VIGIE_TORCH_SHARE=0: each job on every core), the
# behaviour before decision 26. Run it on a quiet machine: nothing else training.
# Usage: bench/torch_share.sh [BUILD_DIR] [DETECTOR_STEPS] [PROPOSER_STEPS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
dsteps=${2:-60}
psteps=${3:-150}
cli="$build/app/cli/vigie-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cli" synth --out "$work/c" --preset easy --seed 7 --duration 8 >/dev/null 2>&1
manifest="$work/c/campaign.json"

detector() { "$cli" detector train "$manifest" --db "$work/$1.sqlite" --boxes gt --epochs 1 --steps "$dsteps" --out "$work/$1.centernet" >/dev/null 2>"$work/$1.log"; }
proposer() { "$cli" proposer train "$manifest" --db "$work/$1.sqlite" --steps "$psteps" >/dev/null 2>"$work/$1.log"; }
timed() { local t0 t1; t0=$(date +%s.%N); "$@"; t1=$(date +%s.%N); awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }'; }

# Warm the caches (video decoding, page cache) once, untimed.
detector warm-d; proposer warm-p
d_alone=$(timed detector d1)
p_alone=$(timed proposer p1)
together() {
    ( t=$(timed detector "d$1"); echo "$t" > "$work/d$1.t" ) &
    ( t=$(timed proposer "p$1"); echo "$t" > "$work/p$1.t" ) &
    wait
}
together 2
d_both=$(cat "$work/d2.t"); p_both=$(cat "$work/p2.t")
export VIGIE_TORCH_SHARE=0
together 3
d_off=$(cat "$work/d3.t"); p_off=$(cat "$work/p3.t")
unset VIGIE_TORCH_SHARE
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "cores: $(nproc); detector train $dsteps steps, proposer train $psteps steps"
echo "detector_train_alone_s $d_alone"
echo "proposer_train_alone_s $p_alone"
echo "detector_train_beside_proposer_s $d_both ratio $(ratio "$d_both" "$d_alone") (goal <= 2.2)"
echo "proposer_train_beside_detector_s $p_both ratio $(ratio "$p_both" "$p_alone") (goal <= 2.2)"
echo "without the share: detector_train_beside_proposer_s $d_off ratio $(ratio "$d_off" "$d_alone"); proposer_train_beside_detector_s $p_off ratio $(ratio "$p_off" "$p_alone")"
