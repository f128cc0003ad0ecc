# Sourced by ./mvnw, the launchers (bin/voc-device, bin/voc-gateway, bin/voc-provision) and the run scripts:
# make JAVA_HOME point at a JDK >= 21.
# Why: Debian's default java is 17, Raspberry Pi OS ships 21; the build needs --release 21.
voc_java_major() {
  # The JDK's 'release' file first: no JVM start per candidate (the launchers source this on every run).
  if [ -r "$1/release" ]; then
    voc_major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n 1)
    if [ -n "$voc_major" ]; then echo "$voc_major"; return 0; fi
  fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n 1
}
voc_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(voc_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  # mvnw runs with 'set -f'; the JDK search needs globbing.
  set +f
  for candidate in "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")" /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(voc_java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      JAVA_HOME="$candidate"; export JAVA_HOME; set -f; return 0
    fi
  done
  set -f
  echo "error: no JDK >= 21 found (JAVA_HOME='${JAVA_HOME-}', /usr/lib/jvm). Install one, e.g. 'apt-get install openjdk-21-jdk-headless', or set JAVA_HOME." >&2
  return 1
}
voc_find_jdk || exit 1
