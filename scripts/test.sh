#!/usr/bin/env bash
# THE test command (npm test): types, unit tests, both browser builds and their
# store zips, the static site, the manifests' permissions, then the end-to-end
# tests with the built extension and the built site in real headless Chromium. Stops at the first failure.
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

step "1/7 Chromium (and openssl) for the end-to-end tests"
bash scripts/ensure-chromium.sh
# The capture tests' HTTPS fixture server makes a throwaway certificate with openssl.
if ! command -v openssl >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y openssl
  else
    echo "The capture end-to-end tests need openssl: sudo apt-get install -y openssl" >&2
    exit 1
  fi
fi

step "2/7 Type check (wxt prepare && tsc --noEmit)"
npm run check

step "3/7 Unit tests (vitest)"
npx vitest run

step "4/7 Build the extension for Chrome and Firefox (MV3), and the end-to-end capture build"
npx wxt build
npx wxt build -b firefox --mv3
# TEST-ONLY build: the supported hosts granted at install, for the capture
# end-to-end tests (a browser under test cannot answer a permission prompt).
# It goes to .output/e2e-chrome-mv3, never to the shipped folders or zips;
# step 6 checks the shipped manifests after it.
STRATA_E2E_GRANT_HOSTS=1 npx wxt build

step "5/7 Zip both builds for the stores; build the static site (it ships the zips as its install links)"
npx wxt zip
npx wxt zip -b firefox --mv3
npx tsx site/build.ts

step "6/7 Manifests: MV3, host access only on request, no <all_urls>; the e2e build kept apart"
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
  if (!(m.permissions ?? []).includes("alarms")) problems.push(`${browser}: ${file} lacks "alarms" (the daily drift check)`);
  if ((m.permissions ?? []).includes("notifications") || !(m.optional_permissions ?? []).includes("notifications"))
    problems.push(`${browser}: ${file} must ask for "notifications" only as an optional permission`);
  for (const script of m.content_scripts ?? [])
    if ((script.matches ?? []).length > 0)
      problems.push(`${browser}: ${file} runs content scripts on ${script.matches.join(", ")} from the manifest (only after a grant, at run time)`);
  if (problems.length === 0) console.log(`${browser}: MV3, optional_host_permissions ${JSON.stringify(m.optional_host_permissions)}`);
}
// The end-to-end build (STRATA_E2E_GRANT_HOSTS=1) is a separate folder that does grant hosts.
const e2eFile = ".output/e2e-chrome-mv3/manifest.json";
if (!fs.existsSync(e2eFile)) problems.push(`no end-to-end build at ${e2eFile}`);
else {
  const e2e = JSON.parse(fs.readFileSync(e2eFile, "utf8"));
  if (!(e2e.host_permissions ?? []).length || !(e2e.content_scripts ?? []).some((s) => (s.matches ?? []).length > 0))
    problems.push(`${e2eFile} is not the end-to-end build (it should grant the supported hosts and run the capture script on them)`);
  else console.log(`End-to-end build (test only): ${e2eFile}, ${e2e.host_permissions.length} hosts granted at install`);
}
const zips = fs.readdirSync(".output").filter((f) => f.endsWith(".zip"));
if (zips.some((f) => f.includes("e2e"))) problems.push(`a zip of the end-to-end build: ${zips.join(", ")}`);
for (const browser of ["chrome", "firefox"])
  if (!zips.some((f) => f.endsWith(`-${browser}.zip`))) problems.push(`no ${browser} zip in .output (found: ${zips.join(", ") || "none"})`);
if (problems.length) { console.error(problems.join("\n")); process.exit(1); }
console.log(`Zips: ${zips.join(", ")}`);
'

step "7/7 End-to-end tests in headless Chromium"
STRATA_E2E_SKIP_BUILD=1 npx vitest run -c vitest.e2e.config.ts

trap - ERR
printf '\n==== All checks passed in %ss ====\n' "$(( $(date +%s) - started_at ))"
