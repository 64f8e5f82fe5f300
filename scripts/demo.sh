#!/usr/bin/env bash
# The README's first command: install what is missing, build release, index seeds/, and answer a query.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product loupe
index="${LOUPE_DEMO_INDEX:-$(mktemp -d)/index}"
.build/release/loupe index seeds/ --index "$index"
.build/release/loupe search "pakistan russia ties" --index "$index"
