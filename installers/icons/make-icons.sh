#!/usr/bin/env bash
# Makes every icon the installers and the app use from tartan.svg. The results are committed, so a
# build needs none of these tools; run this again after changing tartan.svg.
# Tools (Debian): librsvg2-bin (rsvg-convert), icoutils (icotool), icnsutils (png2icns).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
installers=$(dirname "$here")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in rsvg-convert icotool png2icns; do
  command -v "$tool" >/dev/null || { echo "make-icons: $tool is missing (apt-get install librsvg2-bin icoutils icnsutils)" >&2; exit 1; }
done

png() { rsvg-convert --width "$1" --height "$1" "$here/tartan.svg" --output "$work/tartan-$1.png"; }
for size in 16 24 32 48 64 128 256 512 1024; do png "$size"; done

cp "$work/tartan-256.png" "$installers/linux/Tartan.png"
icotool --create --output "$installers/windows/Tartan.ico" "$work"/tartan-{16,24,32,48,64,128}.png --raw="$work/tartan-256.png"
png2icns "$installers/macos/Tartan.icns" "$work"/tartan-{16,32,48,128,256,512,1024}.png >/dev/null
cp "$work/tartan-128.png" "$installers/../resources/icons/tartan-128.png"
echo "make-icons: wrote Tartan.png, Tartan.ico, Tartan.icns and resources/icons/tartan-128.png"
