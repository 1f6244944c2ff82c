#!/usr/bin/env bash
# Smoke test of the installers: builds both app-images and starts each packaged app once (headless, under
# Xvfb) until its window is shown. Run by `./marquee test`; needs the modules packaged (mvn package).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DIST="$HERE/target/dist"
# Cold JavaFX start-up on a busy 2-core machine, with margin.
START_TIMEOUT_S=120

"$HERE/package.sh" >"$HERE/target-package.log" 2>&1 || { cat "$HERE/target-package.log" >&2; echo "smoke: packaging failed" >&2; exit 1; }
rm -f "$HERE/target-package.log"

failed=0
for app in marquee-player marquee-console; do
  launcher="$DIST/$app/bin/$app"
  [ -x "$launcher" ] || { echo "smoke: $launcher missing"; failed=1; continue; }
  out="$(mktemp)"
  # The packaged JVM reads JAVA_TOOL_OPTIONS: the property makes the app exit once its window is shown.
  if JAVA_TOOL_OPTIONS="-Dmarquee.smokeTest=true -Dmarquee.backend=http://127.0.0.1:9" \
      timeout "$START_TIMEOUT_S" xvfb-run -a -s "-screen 0 1280x800x24" "$launcher" >"$out" 2>&1 &&
      grep -q "marquee smoke test: window" "$out"; then
    echo "smoke: $app started from its app-image and showed its window"
  else
    echo "smoke: $app did not show its window; its output:"; cat "$out"; failed=1
  fi
  rm -f "$out"
done
exit "$failed"
