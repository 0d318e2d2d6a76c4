#!/usr/bin/env bash
# Renders the HTML part of each decorated bounce (.eml) to a PNG with Debian's headless Chromium,
# at a phone's width, so that anyone can look at what users see.
#   integration-tests/render-bounces.sh [EML_DIR] [PNG_DIR]
# Defaults: demo-output/ (what ./demo.sh writes) and integration-tests/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
in_dir="${1:-demo-output}"
out_dir="${2:-integration-tests/screenshots}"
if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
    else
        echo "Chromium is needed: apt-get install chromium" >&2
        exit 1
    fi
fi
mkdir -p "$out_dir"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
shopt -s nullglob
files=("$in_dir"/*.eml)
if [ ${#files[@]} -eq 0 ]; then
    echo "no .eml files in $in_dir (run ./demo.sh --exit first)" >&2
    exit 1
fi
for eml in "${files[@]}"; do
    name="$(basename "$eml" .eml)"
    # The first text/html part, decoded, as the mail client gets it.
    python3 - "$eml" "$work/$name.html" <<'PY'
import email, sys
from email import policy
message = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=policy.default)
for part in message.walk():
    if part.get_content_type() == 'text/html':
        open(sys.argv[2], 'w', encoding='utf-8').write(part.get_content())
        break
else:
    sys.exit('no text/html part in ' + sys.argv[1])
PY
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$work/profile" --hide-scrollbars --window-size=420,1500 \
        --screenshot="$out_dir/$name.png" "file://$work/$name.html" >/dev/null 2>&1
    echo "$out_dir/$name.png"
done
