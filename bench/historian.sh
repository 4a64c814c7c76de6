#!/usr/bin/env bash
# Historian benchmark (issue 4): DuckDB, QuestDB embedded and SQLite on the same workload, in one run.
# Usage: bench/historian.sh [--tags 100] [--seconds 86400] [--batch 10000] [--runs 5]
#                           [--only duckdb,questdb,sqlite,isthmus,blocks,blob] [--dir DIR]
# BENCH_JAVA_OPTS="-Dprobe.single=true" bench/historian.sh --only blob   # JVM options (the blob probe's variants)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=$(bin/find-jdk)
export JAVA_HOME
cp_file=isthmus-store/target/bench.classpath
./mvnw -B -q -pl isthmus-store -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=test
cp="isthmus-store/target/test-classes:isthmus-store/target/classes:$(cat "$cp_file")"
exec "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:-} -Xmx2g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -cp "$cp" io.isthmus.store.bench.HistorianBench "$@"
