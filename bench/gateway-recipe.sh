#!/usr/bin/env bash
# Gateway recipe benchmark (issue 7, gw11): a 10-item recipe (1 approval, 1 FC 16) vs 10 single approved
# writes (10 approvals, 10 FC 6), through AccessGateway to the virtual factory PLC on 127.0.0.10, interleaved.
# Usage: bench/gateway-recipe.sh [--rounds 20] [--warmup 10]
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
  ${JAVA_OPTS:-} -cp "$cp" io.isthmus.app.gateway.GatewayRecipeBench "$@"
