#!/bin/sh
# Runs one of the three programs from this checkout; called by bin/voc-device, bin/voc-gateway, bin/voc-provision
# as: launcher.sh MODULE JAR_NAME [ARGS...]
# - Java: a JDK >= 21 found the way the build finds it (bin/find-jdk.sh: JAVA_HOME, javac on PATH, /usr/lib/jvm/*).
#   'java -jar' with Debian 12's default Java 17 fails with UnsupportedClassVersionError; this never does.
# - The jar: MODULE/target/JAR_NAME.jar; when it is missing it is built with the Maven wrapper first (said on
#   stderr, so stdout stays the program's own: JSON stays parseable). A stale jar is not rebuilt: run
#   './mvnw -pl MODULE -am package -DskipTests' after changing the code.
# - JVM flags: --enable-native-access=ALL-UNNAMED (SQLite, Vosk/JNA: no "restricted method" warnings on JDK 22+),
#   plus $VOC_JVM_OPTS if set.
# Exit code: the program's own (0 ok, 1 failure, 2 bad usage or input); 1 when no JDK or the build failed.
set -eu
module=$1
name=$2
shift 2
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
jar="$root/$module/target/$name.jar"
# Sets JAVA_HOME, or prints what to install and exits 1.
. "$root/bin/find-jdk.sh"
if [ ! -f "$jar" ]; then
  mkdir -p "$root/$module/target"
  # Two launchers started at once build once: the second waits for the first (flock is in util-linux).
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$root/$module/target/.launcher-build.lock"
    flock 9
  fi
  if [ ! -f "$jar" ]; then
    echo "$name: $jar is missing: building it now with './mvnw -q -pl $module -am package -DskipTests' (minutes the first time)" >&2
    if ! (cd "$root" && ./mvnw -q -pl "$module" -am package -DskipTests) >&2; then
      echo "$name: the build failed; run './mvnw -pl $module -am package -DskipTests' in $root to see why" >&2
      exit 1
    fi
  fi
  if command -v flock >/dev/null 2>&1; then
    flock -u 9
    exec 9>&-
  fi
fi
# shellcheck disable=SC2086 # VOC_JVM_OPTS is a list of flags and must be split.
exec "$JAVA_HOME/bin/java" ${VOC_JVM_OPTS:-} --enable-native-access=ALL-UNNAMED -jar "$jar" "$@"
