#!/usr/bin/env bash
# Installs the system packages Loupe builds against, only when they are missing:
# the headers of LMDB (liblmdb-dev), Zstandard (libzstd-dev), xxHash (libxxhash-dev), zlib, libbz2 and liblzma (the
# decompressors of compressed documents; zlib also inflates zip entries through ZIPFoundation),
# libxml2 (libxml2-dev, the XML of office documents and EPUB), and pkg-config, which SwiftPM uses
# to find them; poppler-utils (pdftotext, which reads PDF documents); and for the tests, the
# compressors that build their fixtures (gzip, bzip2, xz-utils, zstd) and qpdf (an encrypted PDF),
# HAProxy, which the replica tests put in front of louped replicas (docs/scale-out.md), and GNU
# time (/usr/bin/time), which measures a bulk load's peak memory in IndexingMemoryTests.
set -euo pipefail
missing=()
dpkg -s liblmdb-dev >/dev/null 2>&1 || missing+=(liblmdb-dev)
dpkg -s libzstd-dev >/dev/null 2>&1 || missing+=(libzstd-dev)
dpkg -s libxxhash-dev >/dev/null 2>&1 || missing+=(libxxhash-dev)
for package in zlib1g-dev libbz2-dev liblzma-dev libxml2-dev poppler-utils gzip bzip2 xz-utils zstd qpdf time; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
[ -x /usr/sbin/haproxy ] || command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}"
fi
