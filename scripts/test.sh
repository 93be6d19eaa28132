#!/bin/sh
# `npm test`: the two type checks and lint side by side, the web app built once if its sources
# changed, then the suite as two vitest processes at once (vitest.config.ts): "processes" (e2e and
# fault files, which start real servers, browsers and kill them) one file at a time, beside "units"
# (everything else). One file at a time left a core idle while a test waited on its processes.
# Each lane's lines carry its name; the last line adds both up. Fails if any step fails.
set -u
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
PATH="$PWD/node_modules/.bin:$PATH"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs "$@" in the background, its output prefixed with [$1], its exit status kept in $work/$1.rc.
lane() {
  name=$1
  shift
  { "$@"; echo $? >"$work/$name.rc"; } 2>&1 | sed -u "s/^/[$name] /" &
}
status() { cat "$work/$1.rc" 2>/dev/null || echo 1; }

lane tsc tsc --noEmit -p .
lane tsc-sw tsc --noEmit -p service-worker
lane eslint eslint .
wait
for step in tsc tsc-sw eslint; do
  [ "$(status $step)" = 0 ] || { echo "npm test: $step failed"; exit 1; }
done

node --conditions=react-server --import tsx scripts/build.ts --if-stale || { echo "npm test: the web build failed"; exit 1; }

lane processes env ALBUMS_TEST_COUNTS="$work/processes.json" vitest run --project processes
lane units env ALBUMS_TEST_COUNTS="$work/units.json" vitest run --project units
wait
node -e '
  const fs = require("node:fs");
  const sum = { passed: 0, failed: 0, skipped: 0 };
  for (const lane of ["processes", "units"]) {
    const file = `${process.argv[1]}/${lane}.json`;
    if (!fs.existsSync(file)) { console.log(`npm test: the ${lane} lane ended without its counts`); sum.failed += 1; continue; }
    const counts = JSON.parse(fs.readFileSync(file, "utf8"));
    for (const key of Object.keys(sum)) sum[key] += counts[key];
  }
  console.log(`\nTests: ${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`);
' "$work"
[ "$(status processes)" = 0 ] && [ "$(status units)" = 0 ]
