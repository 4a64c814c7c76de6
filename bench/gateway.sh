#!/usr/bin/env bash
# Access gateway benchmark (issue 7): authorized reads/s over HTTPS (TLS 1.3, loopback) at 1 and N
# client threads, and read latency through the gateway vs the same read over plain HTTP, same process.
# Usage: bench/gateway.sh [--seconds 20] [--runs 3] [--threads 8] [--signing background|inline]
# (each run: gateway and plain HTTP reads alternating; --signing inline: audit checkpoints signed by the request thread, as before)
# Environment: JAVA_OPTS (e.g. -XX:StartFlightRecording=filename=gw.jfr,settings=profile).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=$(bin/find-jdk)
export JAVA_HOME
cp_file=isthmus-app/target/bench.classpath
./mvnw -B -q -pl isthmus-app -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test  # relative: each module writes its own (with $PWD/... the last module to write won)
cp="isthmus-app/target/test-classes:isthmus-app/target/classes:$(cat "$cp_file")"
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" -Xmx1g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  ${JAVA_OPTS:-} -cp "$cp" io.isthmus.app.gateway.GatewayBench "$@"
