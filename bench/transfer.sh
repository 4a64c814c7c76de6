#!/usr/bin/env bash
# One-way transfer benchmark (issue 6): payload throughput and CPU per Gbit/s of sender and receiver,
# (1) on loopback and (2) through three network namespaces with the impairment relay at 1% loss.
# Usage (root for the namespace part): bench/transfer.sh [--records 200000] [--rate 2000000000]
#        [--fragment-bytes 1400] [--batch-bytes 65536] [--overhead 0.25] [--only loopback|netns] [--jfr] [--journal DIR]
# --journal DIR copies a journal an earlier run filled (e.g. TransferProcess fill DIR 500000 2026)
# instead of filling one (a run empties its journal: retention drops what every consumer committed).
# Prints one line per run: the whole run (first to last delivery) and, as "steady:", the window
# between 20 % and 90 % of the records (after JVM start and JIT) with each process's CPU seconds per
# Gbit of payload in that window; plus the receiving namespace's UDP RcvbufErrors during the run.
# --jfr records sender.jfr and receiver.jfr (settings=profile) in the work directory.
# docs/benchmarks.md records the figures with the command used.
set -euo pipefail
cd "$(dirname "$0")/.."
records=200000 rate=2000000000 overhead=0.25 only=all fragment=1400 batch=65536 jfr=0 journal=
while [ $# -gt 0 ]; do
  case "$1" in
    --records) records=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --overhead) overhead=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --fragment-bytes) fragment=$2; shift 2 ;;
    --batch-bytes) batch=$2; shift 2 ;;
    --jfr) jfr=1; shift ;;
    --journal) journal=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
JAVA_HOME=$(bin/find-jdk)
export JAVA_HOME
java="$JAVA_HOME/bin/java"
cp_file=isthmus-connect/target/bench.classpath
./mvnw -B -q -pl isthmus-connect -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=test
cp="$PWD/isthmus-connect/target/test-classes:$PWD/isthmus-connect/target/classes:$(cat "$cp_file")"
work=$(mktemp -d /tmp/isthmus-transfer-bench.XXXXXX)
main=io.isthmus.connect.transfer.TransferProcess
jvm=("$java" -XX:+UseParallelGC -Xmx1g -cp "$cp")

if [ -n "$journal" ]; then
  cp -r "$journal" "$work/journal"
else
  echo "filling a journal with $records sample batches (40 samples each) in $work/journal"
  "${jvm[@]}" $main fill "$work/journal" "$records" 2026
fi

jfr_opt() { # name: the JFR option for one JVM, or nothing
  [ "$jfr" = 1 ] && echo "-XX:StartFlightRecording=settings=profile,filename=$work/$1.jfr" || true
}
# rcvbuf_errors [netns-prefix]: UDP RcvbufErrors of the namespace (datagrams the socket buffer dropped)
rcvbuf_errors() { $1 awk '/^Udp:/ { if (!h) { for (i = 1; i <= NF; i++) c[$i] = i; h = 1 } else print $c["RcvbufErrors"] }' /proc/net/snmp; }

# cpu_seconds PID: user + system time of a live process, from /proc (clock ticks)
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"; }

run() { # name, receiver-prefix, sender-prefix, destination host, destination port, receiver host
  local name=$1 rpre=$2 spre=$3 dest=$4 dport=$5 rhost=$6
  local drops0; drops0=$(rcvbuf_errors "$rpre")
  $rpre "${jvm[@]}" $(jfr_opt "$name.receiver") $main bench-receive "$rhost" 5001 "$work/$name.result" "$records" > "$work/$name.receiver.log" 2>&1 &
  local rpid=$!
  sleep 2
  local rjava; rjava=$(pgrep -P "$rpid" java || echo "$rpid")
  $spre "${jvm[@]}" $(jfr_opt "$name.sender") $main send "$work/journal" "$dest" "$dport" "$rate" "$overhead" 1 "bench-$name-$$" "$fragment" "$batch" \
    > "$work/$name.sender.log" 2>&1 &
  local spid=$!
  sleep 1
  local sjava; sjava=$(pgrep -P "$spid" java || echo "$spid")
  local rcpu=0 scpu=0
  while kill -0 "$rpid" 2>/dev/null; do
    rcpu=$(cpu_seconds "$rjava" 2>/dev/null || echo "$rcpu")
    scpu=$(cpu_seconds "$sjava" 2>/dev/null || echo "$scpu")
    sleep 0.2
  done
  wait "$spid" || true
  local drops1; drops1=$(rcvbuf_errors "$rpre")
  echo "$name: $(cat "$work/$name.result" | tr -d '\n') sender_cpu_s $scpu receiver_cpu_s $rcpu udp_rcvbuf_errors $((drops1 - drops0))"
  echo "  sender $(grep '^steady:' "$work/$name.sender.log" || echo 'steady: (no line)')"
}

if [ "$only" = all ] || [ "$only" = loopback ]; then
  # loopback: the sender sends straight to the receiver, no relay, no loss
  run loopback "" "" 127.0.0.1 5001 127.0.0.1
fi

if [ "$only" = all ] || [ "$only" = netns ]; then
  [ "$(id -u)" = 0 ] || { echo "the namespace run needs root" >&2; exit 2; }
  tag=b$$
  s=isd${tag}s l=isd${tag}l r=isd${tag}r
  cleanup() { for n in $s $l $r; do ip netns del "$n" 2>/dev/null || true; done; }
  trap cleanup EXIT
  for n in $s $l $r; do ip netns add "$n"; ip -n "$n" link set lo up; done
  ip -n $s link add ${s}0 type veth peer name ${l}0 netns $l
  ip -n $l link add ${l}1 type veth peer name ${r}0 netns $r
  ip -n $s addr add 10.201.1.1/24 dev ${s}0; ip -n $s link set ${s}0 up
  ip -n $l addr add 10.201.1.2/24 dev ${l}0; ip -n $l link set ${l}0 up
  ip -n $l addr add 10.201.2.1/24 dev ${l}1; ip -n $l link set ${l}1 up
  ip -n $r addr add 10.201.2.2/24 dev ${r}0; ip -n $r link set ${r}0 up
  if [ "$fragment" -gt 1400 ]; then # jumbo frames: 9,000-byte MTU on every veth
    ip -n $s link set ${s}0 mtu 9000; ip -n $l link set ${l}0 mtu 9000
    ip -n $l link set ${l}1 mtu 9000; ip -n $r link set ${r}0 mtu 9000
  fi
  ip netns exec $l "${jvm[@]}" io.isthmus.connect.transfer.link.ImpairmentRelay 10.201.1.2 5000 10.201.2.2 5001 \
    0.01 0 0 1 0 7 "$work/netns.relay" > "$work/netns.relay.log" 2>&1 &
  relay=$!
  sleep 2
  run netns-1pct "ip netns exec $r" "ip netns exec $s" 10.201.1.2 5000 10.201.2.2
  kill "$relay"; wait "$relay" 2>/dev/null || true
  echo "  relay: $(cat "$work/netns.relay")"
fi
echo "logs and results in $work"
