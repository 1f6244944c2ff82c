#!/usr/bin/env bash
# Builds jpackage app-images of the player and the console, and .deb packages with --deb.
# Called by `./marquee package` (which builds the modules first); JAVA_HOME must be a JDK 25.
# Output: installers/target/dist/{marquee-player,marquee-console}[.deb]
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
OUT="$HERE/target"
DIST="$OUT/dist"
VERSION="0.1.0"
: "${JAVA_HOME:?JAVA_HOME must point at a JDK 25}"

want_deb=0
for arg in "$@"; do
  case "$arg" in
    --deb) want_deb=1 ;;
    *) echo "package.sh: unknown option '$arg' (known: --deb)" >&2; exit 2 ;;
  esac
done

# The apps run on the class path (JavaFX and TilesFX need it, see ../shared/notes/stack.md), so the runtime
# holds only JDK modules; the JavaFX jars travel with the app. The list covers JavaFX, vlcj (JNA), OkHttp,
# Jackson and the crypto the player's DRM engine uses.
MODULES="java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.crypto.ec,jdk.jsobject,jdk.unsupported,jdk.xml.dom,jdk.charsets,jdk.localedata,jdk.zipfs"
JAVA_OPTIONS="--enable-native-access=ALL-UNNAMED"

rm -rf "$DIST" "$OUT/runtime" "$OUT/input"
mkdir -p "$DIST" "$OUT/input"

echo "package: jlink runtime ..."
"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages \
  --output "$OUT/runtime"

stage() { # module -> input dir holding the module's jar and its runtime dependencies
  local m="$1" in="$OUT/input/$1"
  local jar; jar="$(ls "$ROOT/$m"/target/"$m"-*.jar | grep -v -- '-tests.jar' | head -1)"
  [ -f "$ROOT/$m/target/classpath.txt" ] && [ -n "$jar" ] || { echo "package: $m is not built (run mvn package)" >&2; exit 1; }
  mkdir -p "$in"
  cp "$jar" "$in/"
  tr ':' '\n' <"$ROOT/$m/target/classpath.txt" | while read -r dep; do [ -n "$dep" ] && cp "$dep" "$in/"; done
  basename "$jar"
}

package_app() { # module, name, main class, description, extra deb deps
  local m="$1" name="$2" main="$3" desc="$4" debdeps="$5" jar
  jar="$(stage "$m")"
  echo "package: app-image $name ..."
  "$JAVA_HOME/bin/jpackage" --type app-image --name "$name" --app-version "$VERSION" \
    --input "$OUT/input/$m" --main-jar "$jar" --main-class "$main" \
    --runtime-image "$OUT/runtime" --java-options "$JAVA_OPTIONS" \
    --description "$desc" --vendor "Marquee" --dest "$DIST"
  if [ "$want_deb" = 1 ]; then
    if command -v fakeroot >/dev/null && command -v dpkg-deb >/dev/null; then
      echo "package: .deb $name ..."
      "$JAVA_HOME/bin/jpackage" --type deb --name "$name" --app-version "$VERSION" \
        --app-image "$DIST/$name" --description "$desc" --vendor "Marquee" \
        --linux-package-deps "$debdeps" --linux-app-category video --dest "$DIST"
    else
      echo "package: skipping .deb for $name (needs fakeroot and dpkg-deb: apt-get install fakeroot)"
    fi
  fi
}

package_app player-app marquee-player dev.marquee.player.PlayerLauncher \
  "Marquee player: browse and play titles" "libgtk-3-0, libxtst6, libgl1, libvlc5, vlc-plugin-base"
package_app console-app marquee-console dev.marquee.console.ConsoleLauncher \
  "Marquee ops console for SREs" "libgtk-3-0, libxtst6, libgl1"

echo "package: done:"
ls -1 "$DIST"
