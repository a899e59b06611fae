#!/usr/bin/env bash
# README command 1: install the dependencies, build, generate the demo campaign (first run
# only; it is cached), and open the workstation on it.
#
# The demo is a realistic 60 s synthetic campaign (vigie-cli synth, seed 1). It is kept in
# ${XDG_CACHE_HOME:-~/.cache}/vigie/demo-VERSION, so a new generator regenerates it;
# VIGIE_DEMO_DIR chooses another folder. Extra arguments go to the workstation.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/packaging/install-deps.sh"
bash "$root/scripts/build.sh" "$root/build"

# The generator's version: Vigie's, plus the last commit that touched the generator when this is
# a git checkout, so that a changed generator regenerates the demo.
version=$("$root/build/app/cli/vigie-cli" --version | awk '{print $2}')
if commit=$(git -C "$root" log -1 --format=%h -- models/synth 2>/dev/null) && [[ -n "$commit" ]]; then
    version="$version-$commit"
fi
demo=${VIGIE_DEMO_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/vigie/demo-$version}
if [[ ! -f "$demo/campaign.json" ]]; then
    echo "Generating the demo campaign in $demo (once; about a minute)"
    rm -rf "$demo.partial"
    "$root/build/app/cli/vigie-cli" synth --out "$demo.partial" --seed 1 --duration 60 --preset realistic
    rm -rf "$demo"
    mv "$demo.partial" "$demo"
fi
# Without a display (a server, CI), the offscreen platform still runs; say so.
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
    echo "No display: starting under Xvfb (xvfb-run)." >&2
    exec xvfb-run -a -s "-screen 0 1920x1080x24" "$root/build/app/vigie" "$demo/campaign.json" "$@"
fi
exec "$root/build/app/vigie" "$demo/campaign.json" "$@"
