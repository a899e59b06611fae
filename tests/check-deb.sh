#!/usr/bin/env bash
# Builds the .deb with cpack and checks what it holds and what it declares.
# Usage: check-deb.sh BUILD_DIR
set -euo pipefail
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$build"
cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1 || { cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/vigie_*.deb)
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/vigie ./usr/bin/vigie-cli ./usr/share/applications/vigie.desktop \
            ./usr/share/icons/hicolor/256x256/apps/vigie.png; do
    grep -q " $path\$" <<<"$contents" || { echo "missing from the package: $path"; exit 1; }
done

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for dep in libqt6core6 libqt6widgets6 libqt6sql6-sqlite qt6-qpa-plugins libavcodec \
           libgeographiclib libtorch libopencv-core libopencv-calib3d; do
    grep -q "$dep" <<<"$depends" || { echo "the package does not declare $dep"; exit 1; }
done

# The packaged CLI runs (its libraries are those of this machine, as after apt install).
root="$out/root"
dpkg-deb -x "$deb" "$root"
"$root/usr/bin/vigie-cli" --version | grep -q '^vigie-cli [0-9]' \
    || { echo "the packaged vigie-cli does not run"; exit 1; }
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$root/usr/share/applications/vigie.desktop"
fi
echo "package ok"
