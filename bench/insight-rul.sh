#!/usr/bin/env bash
# RUL model selection on NASA C-MAPSS FD001 (issue 8): candidates scored on a validation split of
# the training engines; with --test also on the official test set. --chosen runs only the default.
# Usage: bench/insight-rul.sh [--chosen | --windows | --forest] [--test]   (no option: the XGBoost grid)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=$(bin/find-jdk)
export JAVA_HOME
cp_file=isthmus-insight/target/bench.classpath
./mvnw -B -q -pl isthmus-insight -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=test
cp="isthmus-insight/target/test-classes:isthmus-insight/target/classes:$(cat "$cp_file")"
exec "$JAVA_HOME/bin/java" -Xmx2g --enable-native-access=ALL-UNNAMED \
  -cp "$cp" io.isthmus.insight.rul.RulModelSelection "$@"
