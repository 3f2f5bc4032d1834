#!/usr/bin/env bash
# Sizes of the packaged Tartan, and its start-up to the first frame (of its first screen, and of the
# main window) beside an empty JavaFX window, timed in the same run (medians of interleaved cold
# starts, each a new JVM).
# Runs under xvfb-run when there is no display. Needs `mvn -Pinstaller package` (and the test
# classes, for the empty window) first.
# Usage: installers/measure.sh [RUNS] [APP] (default 5 runs of target/installer/image/Tartan;
#        APP=/opt/tartan times the installed package)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "measure: needs a display or xvfb-run (apt-get install xvfb)" >&2; exit 1; }
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi
runs=${1:-5}
app=${2:-target/installer/image/Tartan}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }
bytes() { du -sb "$1" | cut -f1; }

echo "Sizes"
deb=$(ls target/installer/*.deb 2>/dev/null | head -1 || true)
if [ -n "$deb" ]; then
  installed=$(( $(dpkg-deb --field "$deb" Installed-Size) * 1024 ))
  echo "  package (.deb)            $(mb "$(bytes "$deb")")"
  echo "  installed                 $(mb "$installed"), and the class-data archive its install makes: $(mb "$(bytes "$app/lib/app/tartan.jsa")")"
fi
echo "  runtime (jlink)           $(mb "$(bytes "$app/lib/runtime")"), of which its class-data archive $(mb "$(bytes "$app/lib/runtime/lib/server/classes.jsa")")"
echo "  app folder, all included  $(mb "$(bytes "$app")")"

# Every window opens this vault, unlocked by a passphrase file, as after a first run.
printf 'measuring passphrase, long enough 2026\n' >"$work/passphrase"
unlock=(--data-dir "$work/data" --passphrase-file "$work/passphrase")
"$app/bin/Tartan" vault init "${unlock[@]}" >/dev/null
"$app/bin/Tartan" profile add "Local emulator" --env emulator --client-id m --secret m "${unlock[@]}" >/dev/null

classpath=$(sed -n 's/^app.classpath=\$APPDIR/'"${app//\//\\/}"'\/lib\/app/p' "$app/lib/app/Tartan.cfg" | paste -sd:)
javafx=$(ls "$app"/lib/app/javafx-*.jar | paste -sd:)
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
probe=-Dtartan.startupProbe=true

# name|command: the ways of starting that are timed side by side. The first is what a start from the
# desktop's menu shows first (the unlock screen); the others time the main window, unlocked by a file.
ways=("Tartan's launcher: its first screen (unlock)|env JAVA_TOOL_OPTIONS=-Dtartan.startupProbe=screen $app/bin/Tartan --data-dir $work/data"
      "Tartan's launcher: main window (archive of all classes)|env JAVA_TOOL_OPTIONS=$probe $app/bin/Tartan ${unlock[*]}"
      "same, JDK classes archived only (as on Windows, macOS)|$app/lib/runtime/bin/java $probe -cp $classpath dev.tartan.app.Main ${unlock[*]}")
if [ -x target/tartan ]; then
  # mvn package's launcher: it records its archive in the cache on the first start, the warm-up.
  ways+=("target/tartan (the jar, archive made at its 1st start)|env XDG_CACHE_HOME=$work/cache TARTAN_JAVA_OPTS=$probe target/tartan ${unlock[*]}")
fi
ways+=("empty JavaFX window (same JDK)|$java $probe -cp $javafx:target/test-classes dev.tartan.bench.EmptyWindowProbe\$Launcher")

first_frame() {
  # shellcheck disable=SC2086 # the command is words on purpose
  timeout 120 $1 2>&1 | sed -n 's/.*tartan-first-frame-ms=\([0-9]*\).*/\1/p' | head -1
}
declare -A times
for way in "${ways[@]}"; do first_frame "${way#*|}" >/dev/null; done # warm-up: the OS's file cache
for _ in $(seq "$runs"); do
  for way in "${ways[@]}"; do
    ms=$(first_frame "${way#*|}")
    [ -n "$ms" ] || { echo "measure: no first frame from: ${way#*|}" >&2; exit 1; }
    times[${way%%|*}]+="$ms "
  done
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
empty=$(median "${times[${ways[-1]%%|*}]}")
echo
echo "Start-up to the first frame, ms (median of $runs; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '  %-58s %6s %6s  %s\n' "" median "/empty" runs
for way in "${ways[@]}"; do
  name=${way%%|*}
  m=$(median "${times[$name]}")
  printf '  %-58s %6d %6.2f  %s\n' "$name" "$m" "$(awk -v a="$m" -v b="$empty" 'BEGIN { print a / b }')" "${times[$name]}"
done
