#!/usr/bin/env bash
# Installs the system packages Loupe builds against, only when they are missing:
# the headers of LMDB (liblmdb-dev), Zstandard (libzstd-dev), libxml2 (libxml2-dev, the XML of
# office documents and EPUB) and zlib (zlib1g-dev, inflating their zip entries through
# ZIPFoundation), and pkg-config, which SwiftPM uses to find them.
set -euo pipefail
missing=()
dpkg -s liblmdb-dev >/dev/null 2>&1 || missing+=(liblmdb-dev)
dpkg -s libzstd-dev >/dev/null 2>&1 || missing+=(libzstd-dev)
dpkg -s libxml2-dev >/dev/null 2>&1 || missing+=(libxml2-dev)
dpkg -s zlib1g-dev >/dev/null 2>&1 || missing+=(zlib1g-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}"
fi
