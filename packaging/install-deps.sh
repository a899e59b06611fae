#!/usr/bin/env bash
# Installs every build, test and run-time dependency of Vigie from Debian 12 packages.
# Idempotent: a second run installs nothing new and finishes in seconds.
# Run as root, or as a user with sudo.
set -euo pipefail

PACKAGES=(
    # toolchain
    build-essential cmake ninja-build ccache pkg-config git file dpkg-dev
    # Qt 6.4
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-charts-dev libqt6opengl6-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl-dev
    # video
    libavformat-dev libavcodec-dev libswscale-dev libavutil-dev ffmpeg
    # image work, networks, geodesy, storage
    libopencv-dev libopencv-contrib-dev libtorch-dev libgeographiclib-dev
    libsqlite3-dev sqlite3
    # run time: the X11 platform plugin and a font for the GUI
    qt6-qpa-plugins fonts-dejavu-core
    # tests and benchmarks
    xvfb xauth gpsd-clients python3-torch bc
)

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#PACKAGES[@]} packages already installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
