#!/usr/bin/env bash
# Inline Modbus/TCP firewall benchmark (issue 7): requests/s at 8 connections and latency at 1,
# straight to a simulated PLC and through the firewall, in the same JMH run.
# Usage: bench/firewall.sh [thrpt|sample|both] [extra JMH args, e.g. -prof jfr]
#        bench/firewall.sh cpu [direct|firewall] [connections] [warm-up s] [measured s] [rounds]
#        (CPU time per request of the firewall's threads, the clients and the rest: FirewallCpuProbe)
#        bench/firewall.sh ab BASE [rounds]   before/after in one sitting: ModbusFirewall of commit BASE
#        (a thread-per-connection one, e.g. 771a167) against the current one, alternating, firewall
#        path only, requests/s at 8 connections and CPU per request
# Environment: THREADS (default 8) for the throughput run; BENCH_CP_PREFIX: directories put first on
# the class path (e.g. another commit's compiled isthmus-sim classes, for a before/after in one sitting).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=$(bin/find-jdk)
export JAVA_HOME
mode=${1:-both}
shift || true
cp_file=isthmus-access/target/bench.classpath
# Test classes compiled without -Pbench lack JMH's generated code: compile them afresh.
rm -rf isthmus-access/target/test-classes
./mvnw -B -q -Pbench -pl isthmus-access -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test  # relative: each module writes its own (with $PWD/... the last module to write won)
cp="${BENCH_CP_PREFIX:+$BENCH_CP_PREFIX:}isthmus-access/target/test-classes:isthmus-access/target/classes:$(cat "$cp_file")"
jmh() {
  echo "# $(date -u +%FT%TZ) load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$JAVA_HOME/bin/java" -cp "$cp" org.openjdk.jmh.Main FirewallBenchmark -f 1 "$@"
  echo "# $(date -u +%FT%TZ) load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}
if [[ $mode == ab ]]; then
  base=${1:?usage: bench/firewall.sh ab BASE [rounds]}
  old=isthmus-access/target/fw-ab-$base
  mkdir -p "$old/classes"
  git show "$base:isthmus-access/src/main/java/io/isthmus/access/firewall/ModbusFirewall.java" >"$old/ModbusFirewall.java"
  # the old class has no start(..., loops) overload, which the benchmark calls: add one that ignores it
  perl -0pi -e 's|(    /\*\* The bound port)|    public static ModbusFirewall start(FirewallConfig c, Policy p, Consumer<Event> a, Clock k, int loops)\n            throws IOException {\n        return start(c, p, a, k);\n    }\n\n$1|' "$old/ModbusFirewall.java"
  "$JAVA_HOME/bin/javac" --release 21 -nowarn -cp "$cp" -d "$old/classes" "$old/ModbusFirewall.java"
  for ((r = 1; r <= ${2:-2}; r++)); do
    for v in before after; do
      vcp=$cp
      [[ $v == before ]] && vcp="$old/classes:$cp"
      echo "## round $r, $v"
      cp=$vcp jmh -bm thrpt -tu s -t 8 -wi 8 -i 8 -w 3s -r 3s -p path=firewall | grep -E '^(Iteration|FirewallBenchmark|# 20)'
      "$JAVA_HOME/bin/java" -cp "$vcp" io.isthmus.access.firewall.bench.FirewallCpuProbe firewall 8 10 5 2 | grep round
    done
  done
  exit 0
fi
if [[ $mode == cpu ]]; then
  echo "# $(date -u +%FT%TZ) load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -cp "$cp" io.isthmus.access.firewall.bench.FirewallCpuProbe "$@"
fi
if [[ $mode == thrpt || $mode == both ]]; then
  # both paths need ~15-20 s to warm up (the JIT shares 2 cores with 16 busy threads): 8 x 3 s, then 8 x 3 s measured
  jmh -bm thrpt -tu s -t "${THREADS:-8}" -wi 8 -i 8 -w 3s -r 3s "$@"
fi
if [[ $mode == sample || $mode == both ]]; then
  jmh -bm sample -tu us -t 1 -wi 2 -i 3 -w 2s -r 3s "$@"
fi
