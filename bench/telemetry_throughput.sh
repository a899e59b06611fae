#!/usr/bin/env bash
# Parse throughput of `vigie-cli telemetry FILE --json` against gpsd's `gpsdecode` on the same
# large NMEA file, in MB/s, best of N runs each, printed with the ratio.
# Usage: bench/telemetry_throughput.sh [BUILD_DIR] [MEGABYTES] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
megabytes=${2:-200}
runs=${3:-3}
cli="$build/app/cli/vigie-cli"
[ -x "$cli" ] || { echo "no $cli: build first (scripts/build.sh)"; exit 1; }
command -v gpsdecode >/dev/null || { echo "gpsdecode missing: apt install gpsd-clients"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log="$work/bench.nmea"
/usr/bin/python3 "$root/bench/make_nmea.py" "$log" "$megabytes"
bytes=$(stat -c %s "$log")
cat "$log" > /dev/null # warm the page cache for both

best() { # best wall time in seconds of "$@" over $runs runs
    local best=""
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s.%N)
        "$@"
        end=$(date +%s.%N)
        local t
        t=$(echo "$end - $start" | bc -l)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
    done
    echo "$best"
}

vigie_run() { "$cli" telemetry "$log" --json > /dev/null; }
gpsd_run() { gpsdecode < "$log" > /dev/null; }

fixes=$("$cli" telemetry "$log" | sed -n 's/^\([0-9]*\) fixes.*/\1/p')
t_vigie=$(best vigie_run)
t_gpsd=$(best gpsd_run)
mbps() { echo "scale=1; $bytes / 1000000 / $1" | bc -l; }
echo "NMEA file: $(echo "scale=1; $bytes / 1000000" | bc -l) MB, $fixes fixes, best of $runs runs"
echo "vigie-cli telemetry --json: $(printf '%.3f' "$t_vigie") s  $(mbps "$t_vigie") MB/s"
echo "gpsdecode:                  $(printf '%.3f' "$t_gpsd") s  $(mbps "$t_gpsd") MB/s"
echo "ratio (vigie / gpsdecode throughput): $(echo "scale=2; $t_gpsd / $t_vigie" | bc -l)  (goal >= 1.0)"
