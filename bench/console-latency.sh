#!/usr/bin/env bash
# The console's two performance figures (issue 9): overview-ready time and the latency from a
# Modbus/TCP write of the conveyor's speed setpoint in the virtual factory to the new value in the
# browser's DOM (Debian chromium, headless), p50/p95 over CHANGES writes. Runs the real demo
# (factory + edge + hub) in-process; see ConsoleLatencyBench's javadoc for what is timed.
# Usage: bench/console-latency.sh [CHANGES=40] [LOADS=10]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
JAVA_HOME="$(bash bin/find-jdk)"
export JAVA_HOME
# one reactor run: the app's classpath then names the sibling modules' target/classes (no install)
./mvnw -B -q -pl isthmus-app -am test-compile dependency:build-classpath -Dspotless.skip=true \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="isthmus-app/target/test-classes:isthmus-app/target/classes:$(cat isthmus-app/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$cp" \
  io.isthmus.app.console.ConsoleLatencyBench "${1:-40}" "${2:-10}"
