#!/bin/sh
# Runs a command as root: as it is when already root (a fresh box logged in as root has no sudo),
# through sudo otherwise. The test suite needs root (tmpfs and loop mounts, network namespaces).
set -eu
if [ "$(id -u)" -eq 0 ]; then exec "$@"; else exec sudo -E "$@"; fi
