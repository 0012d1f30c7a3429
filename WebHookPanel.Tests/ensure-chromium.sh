#!/usr/bin/env bash
# Installs Debian's Chromium (and a font, so pages render text) when /usr/bin/chromium is missing. The browser
# tests launch that binary; nothing ever downloads a browser of its own.
set -uo pipefail

if [ -x /usr/bin/chromium ]; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "/usr/bin/chromium is missing; as root: apt-get install chromium fonts-dejavu-core" >&2
    exit 1
fi

echo "Installing chromium and fonts-dejavu-core..."
log=/tmp/webhookpanel-apt.log
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core; } \
    >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    echo "Installing chromium failed (full log: $log)" >&2
    exit 1
fi
