#!/bin/sh
# Installs the Debian/Ubuntu packages Albums needs, with sudo only when not already root:
#   sh scripts/debian-packages.sh          ffmpeg (video metadata, posters, web-playable renditions),
#     poppler-utils (pdftoppm: PDF pages previewed in the Files area)
#   sh scripts/debian-packages.sh --test   plus the test suite's tools: chromium (browser tests),
#     iproute2 + curl (requests from a network namespace), strace (fsync order, injected disk
#     errors), e2fsprogs (ext4 on a loop device), restic + openssh-sftp-server (off-box backups),
#     systemd (systemd-analyze verify on the generated unit), syncthing (the import folder fed
#     by a real phone-to-box sync on loopback), litmus + rclone + davfs2 (WebDAV clients)
# Nothing is fetched when every package is already installed.
set -eu
packages="ffmpeg poppler-utils"
if [ "${1:-}" = "--test" ]; then
  packages="$packages chromium iproute2 curl strace e2fsprogs restic openssh-sftp-server systemd syncthing litmus rclone davfs2"
fi
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then as_root=""; else as_root="sudo"; fi
$as_root apt-get update -qq
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
