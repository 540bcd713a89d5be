#!/usr/bin/env bash
# The main job on a fresh machine: install, build the extension for Chrome and
# Firefox (MV3), zip both for the stores, build the static site (landing page,
# layer assessment, live demo, privacy policy) and serve it locally, printing
# its address. Stop the server with Ctrl-C. PORT chooses the port (default 4173).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/wxt ]; then
  echo "== Installing dependencies (npm ci)"
  npm ci
fi

echo "== Building for Chrome (MV3)"
npx wxt build
echo "== Building for Firefox (MV3)"
npx wxt build -b firefox --mv3
echo "== Zipping for the stores"
npx wxt zip
npx wxt zip -b firefox --mv3
echo "== Building the site"
npx tsx site/build.ts

root="$(pwd)"
cat <<MSG

Strata is built.
  Chrome / Edge / Brave: open chrome://extensions, turn on Developer mode,
                         "Load unpacked" and pick  $root/.output/chrome-mv3
  Firefox:               open about:debugging#/runtime/this-firefox,
                         "Load Temporary Add-on" and pick  $root/.output/firefox-mv3/manifest.json
  Store zips:            $(ls "$root"/.output/*.zip 2>/dev/null | tr '\n' ' ')
  Static site:           $root/.output/site (any static host; relative paths only)
MSG

exec npx tsx site/serve.ts
