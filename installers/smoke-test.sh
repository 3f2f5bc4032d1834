#!/usr/bin/env bash
# Smoke test of packaged Tartan, headless (CI runs it after `mvn -Pinstaller package`):
# the app image's launcher prints its version and build, lists the operations, runs the emulator
# and makes one call against it, and the window reaches its first frame under Xvfb (skipped, and
# said so, where xvfb-run is missing). A .deb, when one was built, must declare GTK and carry the
# class list but no class-data archive (its install makes that).
# Usage: installers/smoke-test.sh [APP_IMAGE] (default target/installer/image/Tartan)
set -euo pipefail
cd "$(dirname "$0")/.."
image=${1:-target/installer/image/Tartan}
tartan="$image/bin/Tartan"
work=$(mktemp -d)
emulator=""
cleanup() {
  if [ -n "$emulator" ]; then kill "$emulator" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

passed=0
skipped=0
pass() { echo "smoke: ok   $*"; passed=$((passed + 1)); }
fail() { echo "smoke: FAILED $*" >&2; exit 1; }
[ -x "$tartan" ] || fail "no launcher at $tartan: build it with mvn -Pinstaller package"

version=$("$tartan" --version)
grep -q '^Tartan [0-9]' <<<"$version" && grep -q '^build ' <<<"$version" || fail "tartan --version printed: $version"
grep -q "Java .*$image/lib/runtime" <<<"$version" || fail "tartan does not run on its own runtime: $version"
pass "tartan --version: $(head -1 <<<"$version"), $(sed -n 2p <<<"$version")"

ops=$("$tartan" ops)
grep -q '^/accounts/get ' <<<"$ops" && grep -q '[0-9]* operations$' <<<"$ops" || fail "tartan ops printed: $(tail -3 <<<"$ops")"
pass "tartan ops: $(tail -1 <<<"$ops")"

"$tartan" emulator --data-dir "$work/data" >"$work/emulator.out" 2>&1 &
emulator=$!
for _ in $(seq 120); do
  grep -q '^url=' "$work/emulator.out" && break
  kill -0 "$emulator" 2>/dev/null || fail "tartan emulator ended: $(cat "$work/emulator.out")"
  sleep 0.5
done
read -r url client_id secret < <(grep '^url=' "$work/emulator.out" | sed 's/url=\([^ ]*\) client_id=\([^ ]*\) secret=\([^ ]*\).*/\1 \2 \3/')
[ -n "${secret:-}" ] || fail "tartan emulator printed no url=... line: $(cat "$work/emulator.out")"
reply=$(PLAID_CLIENT_ID=$client_id PLAID_SECRET=$secret "$tartan" call /institutions/get --env "$url" \
  --body '{"count": 1, "offset": 0, "country_codes": ["US"]}')
grep -q '"institution_id"' <<<"$reply" || fail "tartan call /institutions/get replied: $reply"
pass "tartan emulator at $url answered tartan call /institutions/get"
kill "$emulator" && wait "$emulator" 2>/dev/null || true
emulator=""

if command -v xvfb-run >/dev/null; then
  printf 'smoke test passphrase, long enough 2026\n' >"$work/passphrase"
  unlock=(--data-dir "$work/data" --passphrase-file "$work/passphrase")
  "$tartan" vault init "${unlock[@]}" >/dev/null
  "$tartan" profile add "Local emulator" --env emulator --client-id smoke --secret smoke "${unlock[@]}" >/dev/null
  # -Dtartan.startupProbe: print the first frame's time and quit (dev.tartan.app.StartupProbe).
  frame=$(JAVA_TOOL_OPTIONS=-Dtartan.startupProbe=true timeout 120 xvfb-run -a "$tartan" "${unlock[@]}" 2>&1 | grep -o 'tartan-first-frame-ms=[0-9]*' || true)
  [ -n "$frame" ] || fail "the window showed no first frame under Xvfb"
  pass "the window reached its first frame under Xvfb (${frame#*=} ms after the JVM started)"
else
  echo "smoke: SKIPPED the window's first frame: xvfb-run is missing (Debian: apt-get install xvfb libgtk-3-0)"
  skipped=$((skipped + 1))
fi

deb=$(ls target/installer/*.deb 2>/dev/null | head -1 || true)
if [ -n "$deb" ]; then
  dpkg-deb --field "$deb" Depends | grep -q 'libgtk-3-0' || fail "$deb does not depend on GTK 3"
  contents=$(dpkg-deb --contents "$deb")
  grep -q 'opt/tartan/lib/app/tartan.classlist$' <<<"$contents" || fail "$deb has no class list"
  ! grep -q 'tartan.jsa$' <<<"$contents" || fail "$deb carries a class-data archive for the build's paths"
  pass "$(basename "$deb"): depends on GTK 3, carries the class list and no archive"
fi
echo "smoke: $passed passed, 0 failed, $skipped skipped"
