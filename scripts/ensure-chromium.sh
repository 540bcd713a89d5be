#!/usr/bin/env bash
# Makes sure a Chromium for the end-to-end tests is installed: Debian's
# /usr/bin/chromium, or the binary named by $CHROMIUM_PATH. Installs Debian's
# package when run as root on a machine with apt-get; never downloads a browser
# from anywhere else.
set -euo pipefail

print_version() {
  local version
  # Debian's launcher script prints shell noise on stderr on some machines; the version goes to stdout.
  if version="$("$1" --version 2>/dev/null)" && [ -n "$version" ]; then
    echo "Chromium for end-to-end tests: $1 ($version)"
  else
    echo "Chromium for end-to-end tests: $1 (version unknown: '$1 --version' failed)"
  fi
}

if [ -n "${CHROMIUM_PATH:-}" ]; then
  if [ -x "$CHROMIUM_PATH" ]; then
    print_version "$CHROMIUM_PATH"
    exit 0
  fi
  echo "CHROMIUM_PATH is set to '$CHROMIUM_PATH', but no executable is there." >&2
  echo "Point CHROMIUM_PATH at a Chromium binary, or unset it to use Debian's /usr/bin/chromium." >&2
  exit 1
fi

bin=/usr/bin/chromium
if [ -x "$bin" ]; then
  print_version "$bin"
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is not installed; installing Debian's package (apt-get install -y chromium)."
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  if [ -x "$bin" ]; then
    print_version "$bin"
    exit 0
  fi
  echo "apt-get install chromium finished, but $bin is still missing." >&2
  exit 1
fi

cat >&2 <<MSG
The end-to-end tests need Chromium, and it is not installed at $bin.
Install Debian's package:
    sudo apt-get install -y chromium
or point CHROMIUM_PATH at a Chromium binary:
    CHROMIUM_PATH=/path/to/chromium npm test
MSG
exit 1
