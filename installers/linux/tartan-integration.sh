#!/bin/sh
# Tartan's own part of installing and removing its Linux packages, beside jpackage's desktop entry.
# It lives in <install dir>/lib/ and finds everything from there.
#   install  after the package's files are in place (deb postinst, rpm %post): the class-data
#            archive, `tartan` on the PATH, the AppStream metadata
#   remove   before an uninstall, not an upgrade (deb prerm, rpm %preun): undoes those, and says
#            that each user's vault and settings stay
#   archive  the class-data archive only (the build makes the app image's with it)
set -e
lib=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
launcher="$(dirname "$lib")/bin/Tartan"
link=/usr/bin/tartan
metainfo=/usr/share/metainfo/dev.tartan.Tartan.metainfo.xml

# Java 17 ties an archive of an app's classes to the absolute paths of its jars, so it is made
# where they are installed, from the class list the build recorded. -Xshare:dump through Tartan's
# own launcher gives it the very class path and archive path (-XX:SharedArchiveFile, in
# lib/app/Tartan.cfg) that every start uses; the JVM writes the archive and exits before Tartan runs.
make_archive() {
  rm -f "$lib/app/tartan.jsa"
  JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$lib/app/tartan.classlist" "$launcher" >/dev/null 2>&1
}

add_extras() {
  make_archive || echo "Tartan: could not make its class-data archive; it works, but starts more slowly." >&2
  if [ ! -e "$link" ] || [ -L "$link" ]; then
    ln -sfn "$launcher" "$link"
  else
    echo "Tartan: $link is another program's, so tartan is not on the PATH; run $launcher." >&2
  fi
  mkdir -p "$(dirname "$metainfo")"
  cp "$lib/dev.tartan.Tartan.metainfo.xml" "$metainfo"
}

remove_extras() {
  rm -f "$lib/app/tartan.jsa" "$metainfo"
  if [ "$(readlink "$link" || true)" = "$launcher" ]; then
    rm -f "$link"
  fi
  echo "Tartan is uninstalled. Each user's vault and settings stay in their data folder" \
    "(~/.local/share/tartan, or \$XDG_DATA_HOME/tartan); delete that folder to remove them too."
}

case "${1:-}" in
  install) add_extras ;;
  remove) remove_extras ;;
  archive) make_archive ;;
  *) echo "usage: $0 install|remove|archive" >&2; exit 2 ;;
esac
