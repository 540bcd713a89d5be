#!/usr/bin/env bash
# THE test command (npm test): types, unit tests, both browser builds and their
# store zips, the manifests' permissions, then the end-to-end tests with the
# built extension in real headless Chromium. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

current_step="start"
started_at=$(date +%s)
step() {
  current_step="$*"
  printf '\n==== %s ====\n' "$*"
}
trap 'echo >&2; echo "FAILED during: $current_step" >&2' ERR

if [ ! -x node_modules/.bin/vitest ] || [ ! -x node_modules/.bin/wxt ]; then
  step "0/7 Install dependencies (npm ci)"
  npm ci
fi

step "1/7 Chromium for the end-to-end tests"
bash scripts/ensure-chromium.sh

step "2/7 Type check (wxt prepare && tsc --noEmit)"
npm run check

step "3/7 Unit tests (vitest)"
npx vitest run

step "4/7 Build the extension for Chrome and Firefox (MV3)"
npx wxt build
npx wxt build -b firefox --mv3

step "5/7 Zip both builds for the stores"
npx wxt zip
npx wxt zip -b firefox --mv3

step "6/7 Manifests: MV3, host access only on request, no <all_urls>"
node -e '
const fs = require("fs");
const problems = [];
for (const [browser, dir] of [["Firefox", "firefox-mv3"], ["Chrome", "chrome-mv3"]]) {
  const file = `.output/${dir}/manifest.json`;
  const text = fs.readFileSync(file, "utf8");
  const m = JSON.parse(text);
  if (m.manifest_version !== 3) problems.push(`${browser}: ${file} has manifest_version ${m.manifest_version}, expected 3`);
  if (!Array.isArray(m.optional_host_permissions) || m.optional_host_permissions.length === 0)
    problems.push(`${browser}: ${file} has no optional_host_permissions (host access must be asked for at run time)`);
  if (Array.isArray(m.host_permissions) && m.host_permissions.length > 0)
    problems.push(`${browser}: ${file} asks for host_permissions at install: ${m.host_permissions.join(", ")}`);
  if (text.includes("<all_urls>")) problems.push(`${browser}: ${file} mentions <all_urls>`);
  if (problems.length === 0) console.log(`${browser}: MV3, optional_host_permissions ${JSON.stringify(m.optional_host_permissions)}`);
}
const zips = fs.readdirSync(".output").filter((f) => f.endsWith(".zip"));
for (const browser of ["chrome", "firefox"])
  if (!zips.some((f) => f.endsWith(`-${browser}.zip`))) problems.push(`no ${browser} zip in .output (found: ${zips.join(", ") || "none"})`);
if (problems.length) { console.error(problems.join("\n")); process.exit(1); }
console.log(`Zips: ${zips.join(", ")}`);
'

step "7/7 End-to-end tests in headless Chromium"
STRATA_E2E_SKIP_BUILD=1 npx vitest run -c vitest.e2e.config.ts

trap - ERR
printf '\n==== All checks passed in %ss ====\n' "$(( $(date +%s) - started_at ))"
