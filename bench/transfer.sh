#!/usr/bin/env bash
# One-way transfer benchmark (issue 6): payload throughput and CPU per Gbit/s of sender and receiver,
# (1) on loopback and (2) between two network namespaces over a veth pair with 1 % loss.
# Usage (root for the namespace part and for raising net.core.rmem_max):
#   bench/transfer.sh [--records 200000] [--rate 1000000000] [--mtu 1500|9000] [--fragment-bytes N]
#                     [--batch-bytes 65536 | 47 x fragment above 1,400] [--overhead 0.25] [--loss 0.01] [--impair kernel|relay]
#                     [--hand-off N] [--receive-buffer BYTES] [--only loopback|netns] [--jfr] [--journal DIR]
#                     [--warm-up 20] [--no-build] [--aot DIR] [--ramp FRACTION,SECONDS | --ramp off]
# --rate is the sender's pacing in bits per second of datagrams with IP and UDP headers (parity
#   included): payload is about rate / (1 + overhead) less headers and manifests.
# --mtu sets the veth MTU of the namespace run and the fragment size: 1500 → 1,400-byte fragments,
#   9000 (jumbo) → 8,920 (9,000 less 28 bytes of IP and UDP headers and 52 of frame, a multiple of 8:
#   8,968 until the eighth session made every jumbo datagram 9,048 bytes, two IP fragments each);
#   --fragment-bytes overrides the fragment size (loopback has no 1,500 MTU).
# --impair kernel (default) drops in the receiving namespace's kernel: netem "loss" on its veth if the
#   kernel has sch_netem, else a netfilter rule "-m statistic --mode random" before the socket (this
#   host's kernel has no sch_netem; the drop count is the rule's packet counter). --impair relay puts
#   the seeded Java ImpairmentRelay in a middle namespace instead (exact, reproducible drops, but a
#   second receive and send per datagram on the same cores, and its socket overflows when starved).
# As root the script raises net.core.rmem_max to the receiver's requested buffer (--receive-buffer,
# default ReceiverConfig's) for the run and restores the previous value on exit (deployment tuning of
# a receiver host, docs/transfer.md). rmem_max is one value for the whole host: two benchmarks at
# once share it, and the one that ends first restores it under the other.
# The receiver's line also gives its headroom: rcvq_peak_bytes, the fullest its socket's receive
# queue was (rx_queue of its line in /proc/net/udp6, sampled every 5 ms) against rcvq_limit_bytes (what the kernel
# reports for SO_RCVBUF, twice the request), rcvq_over_half_pct (share of samples above half),
# socket_drops, and gc_count / gc_ms over the receiver's life. Its timeline marks the first sample above
# half the limit (rcvq_over_half), the first socket drop (first_socket_drop) and the first gap the receiver
# reported (first_gap): when a stall began, apart from the pause in deliveries the gap causes after it.
# A run that lost batches never delivers all records: the receiver stops 15 s after its last delivery.
# TRANSFER_JAVA_OPTS="-Disthmus.transfer.reorderWindow=N -Disthmus.transfer.maxBuffered=BYTES" set the
# receiver's reorder window and ReceiverConfig.maxBufferedBytes for an experiment (default: the product's).
# --journal DIR copies a journal an earlier run filled (e.g. TransferProcess fill DIR 500000 2026)
# instead of filling one (a run empties its journal: retention drops what every consumer committed).
# The segments are hard-linked, not copied (the journal only appends to new segments and deletes
# whole ones; the cursor and state files are copied), so a large journal costs nothing per run.
# --records must then be the journal's record count.
# Prints per run: the whole run (first to last delivery) and, as "steady:", the window
# between --warm-up % (default 20) and 90 % of the records with each process's CPU seconds per Gbit
# of payload in that window; the receiving namespace's UDP RcvbufErrors, the datagrams the
# impairment dropped, and the load average at start and end. "rates:" puts side by side the rate a
# user timing the transfer sees (from the sender's launch, JVM start and journal open included, to the
# last delivery), the whole run (first to last delivery) and the sender's steady window; the two
# "timeline:" lines give each process's marks (journal_open, all_committed, ...) and its payload rate
# every 100 ms, in milliseconds since its JVM started (jvm_start_epoch_ms aligns the two).
# A steady state at ~1 Gbit/s: 500,000 records (418 MB) last ~3.3 s there, all of it JIT warm-up
# (diode12). Fill a larger journal once and reuse it, and start the window later, e.g.
#   java -cp ... io.isthmus.connect.transfer.TransferProcess fill /tmp/me/journal2m 2000000 2026
#   bench/transfer.sh --records 2000000 --journal /tmp/me/journal2m --warm-up 40 --only netns ...
# (2,000,000 records: 1.67 GB of payload, ~13 s at 1 Gbit/s, window from 40 %: after ~5 s and
# 800,000 records). The steady line's jit_cpu_s shows how much compiling is left in the window.
# --hand-off N: the sender encodes on one thread and paces and sends on another, N batches between
#   them (0: one thread does both; default: the product's SenderConfig default).
# --aot DIR (JDK 25+): each process starts from an AOT cache, DIR/sender.aot and DIR/receiver.aot
#   (classes loaded and linked, and method profiles, of a training run: JEPs 483, 514, 515). A run
#   that finds no cache there is the training run and writes it as its JVM exits; delete DIR after a
#   rebuild or a JDK change (the JVM refuses a cache whose class path or JDK differs, with a warning).
#   The cache takes classes from jars only, so the class directories are packed into DIR once.
#   Not with --jfr: JFR adds a module the training run did not have, and the JVM then drops the cache.
# --ramp FRACTION,SECONDS: the sender's start-up ramp (SenderConfig.ramp: the pacing starts at FRACTION
#   of --rate and reaches it after SECONDS, docs/transfer.md "Start-up ramp"); --ramp off sends at the
#   full rate from the first datagram; without the option the product's default.
# --jfr records sender.jfr and receiver.jfr (settings=profile) in the work directory.
# docs/benchmarks.md records the figures with the command used.
set -euo pipefail
cd "$(dirname "$0")/.."
records=200000 rate=1000000000 overhead=0.25 only=all mtu=1500 fragment= batch= jfr=0 journal=
loss=0.01 impair=kernel handoff= build=1 warmup=20 receive_buffer=$((64 * 1024 * 1024)) # ReceiverConfig.defaults
aot= ramp=
while [ $# -gt 0 ]; do
  case "$1" in
    --records) records=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --overhead) overhead=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --mtu) mtu=$2; shift 2 ;;
    --fragment-bytes) fragment=$2; shift 2 ;;
    --batch-bytes) batch=$2; shift 2 ;;
    --loss) loss=$2; shift 2 ;;
    --impair) impair=$2; shift 2 ;;
    --hand-off) handoff=$2; shift 2 ;;
    --jfr) jfr=1; shift ;;
    --no-build) build=0; shift ;;
    --journal) journal=$2; shift 2 ;;
    --warm-up) warmup=$2; shift 2 ;;
    --receive-buffer) receive_buffer=$2; shift 2 ;;
    --aot) aot=$2; shift 2 ;;
    --ramp) ramp=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$mtu" in
  1500) : "${fragment:=1400}" ;;
  9000) : "${fragment:=8920}" ;;
  *) echo "--mtu is 1500 or 9000" >&2; exit 2 ;;
esac
# the batch keeps about 47 data fragments (47 + 12 at overhead 0.25) at any fragment size: 64 KiB of
# 8,920-byte fragments would be 8 + 2, which 1 % random loss defeats about once in 9,000 batches
: "${batch:=$(( fragment > 1400 ? 47 * (fragment & ~7) : 65536 ))}"
case "$impair" in kernel|relay) ;; *) echo "--impair is kernel or relay" >&2; exit 2 ;; esac
case "$ramp" in
  '') ;;
  off) ramp=1,0 ;;
  *,*) ;;
  *) echo "--ramp is FRACTION,SECONDS (e.g. 0.25,3) or off" >&2; exit 2 ;;
esac
if [ -n "$aot" ] && [ "$jfr" = 1 ]; then # the recording adds jdk.jfr to the module graph
  echo "--aot and --jfr do not mix: the JVM refuses an AOT cache made without JFR (and runs without it)" >&2
  exit 2
fi
JAVA_HOME=$(bin/find-jdk)
export JAVA_HOME
java="$JAVA_HOME/bin/java"
cp_file=isthmus-connect/target/bench.classpath
if [ "$build" = 1 ] || [ ! -f "$cp_file" ]; then # --no-build: reuse the classes of an earlier run
  ./mvnw -B -q -pl isthmus-connect -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=test
fi
cp="$PWD/isthmus-connect/target/test-classes:$PWD/isthmus-connect/target/classes:$(cat "$cp_file")"
if [ -n "$aot" ]; then
  # an AOT cache takes classes from jars only: the class directories packed once into DIR
  mkdir -p "$aot"
  jars=() n=0
  IFS=: read -ra entries <<< "$cp"
  for e in "${entries[@]}"; do
    if [ -d "$e" ]; then
      n=$((n + 1))
      [ -f "$aot/classes$n.jar" ] || "$JAVA_HOME/bin/jar" cf "$aot/classes$n.jar" -C "$e" .
      jars+=("$aot/classes$n.jar")
    else
      jars+=("$e")
    fi
  done
  cp=$(IFS=:; echo "${jars[*]}")
fi
work=$(mktemp -d /tmp/isthmus-transfer-bench.XXXXXX)
main=io.isthmus.connect.transfer.TransferProcess
# TRANSFER_JAVA_OPTS: extra JVM options for both processes (e.g. a perf map for perf record)
# shellcheck disable=SC2206
jvm=("$java" -XX:+UseParallelGC -Xmx1g "-Disthmus.transfer.steadyFrom=$warmup" ${TRANSFER_JAVA_OPTS:-} -cp "$cp")

# everything the run changes on the host is undone here: namespaces, net.core.rmem_max, the journal copy
namespaces=() rmem_before=
cleanup() {
  [ -n "${work:-}" ] && rm -rf "$work/journal" # the journal copy (its links); logs and profiles stay
  for n in "${namespaces[@]}"; do ip netns del "$n" 2>/dev/null || true; done
  if [ -n "$rmem_before" ]; then sysctl -q -w net.core.rmem_max="$rmem_before" || true; fi
}
trap cleanup EXIT
if [ "$(id -u)" = 0 ]; then
  rmem_now=$(sysctl -n net.core.rmem_max)
  if [ "$rmem_now" -lt "$receive_buffer" ]; then
    rmem_before=$rmem_now
    sysctl -q -w net.core.rmem_max="$receive_buffer"
  fi
fi
echo "net.core.rmem_max $(sysctl -n net.core.rmem_max) (receiver asks $receive_buffer); rate $rate bit/s;" \
  "fragments $fragment bytes; batch $batch bytes; overhead $overhead; hand-off ${handoff:-default};" \
  "ramp ${ramp:-default}"

case "$warmup" in [0-9]|[1-8][0-9]) ;; *) echo "--warm-up is a percentage of the records, 0..89" >&2; exit 2 ;; esac
if [ -n "$journal" ]; then
  mkdir "$work/journal"
  for f in "$journal"/*; do
    case "$(basename "$f")" in
      segments) cp -al "$f" "$work/journal/segments" ;; # hard links: the run deletes them, never writes them
      *) cp -r "$f" "$work/journal/" ;;
    esac
  done
else
  echo "filling a journal with $records sample batches (40 samples each) in $work/journal"
  "${jvm[@]}" $main fill "$work/journal" "$records" 2026
fi

aot_opt() { # role: the AOT cache option for one JVM (JDK 25+), or nothing
  [ -n "$aot" ] || return 0
  mkdir -p "$aot"
  if [ -f "$aot/$1.aot" ]; then echo "-XX:AOTCache=$aot/$1.aot"; else echo "-XX:AOTCacheOutput=$aot/$1.aot"; fi
}
jfr_opt() { # name: the JFR option for one JVM, or nothing
  [ "$jfr" = 1 ] && echo "-XX:StartFlightRecording=settings=profile,filename=$work/$1.jfr" || true
}
# rcvbuf_errors [netns-prefix]: UDP RcvbufErrors of the namespace (datagrams the socket buffer dropped)
rcvbuf_errors() { $1 awk '/^Udp:/ { if (!h) { for (i = 1; i <= NF; i++) c[$i] = i; h = 1 } else print $c["RcvbufErrors"] }' /proc/net/snmp; }

# cpu_seconds PID: user + system time of a live process, from /proc (clock ticks)
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"; }
load() { cut -d' ' -f1 /proc/loadavg; }
impaired= # set by the namespace part: a command printing how many datagrams the impairment dropped

run() { # name, receiver-prefix, sender-prefix, destination host, destination port, receiver host
  local name=$1 rpre=$2 spre=$3 dest=$4 dport=$5 rhost=$6
  local drops0; drops0=$(rcvbuf_errors "$rpre")
  local load0 start
  load0=$(load)
  start=$(date -u +%H:%M:%S)
  echo "  aot: sender $(aot_opt sender) receiver $(aot_opt receiver)"
  $rpre "${jvm[@]}" $(aot_opt receiver) $(jfr_opt "$name.receiver") $main bench-receive "$rhost" 5001 "$work/$name.result" "$records" "$receive_buffer" > "$work/$name.receiver.log" 2>&1 &
  local rpid=$!
  sleep 2
  local rjava; rjava=$(pgrep -P "$rpid" java || echo "$rpid")
  local launch_ms; launch_ms=$(date +%s%3N)
  $spre "${jvm[@]}" ${ramp:+"-Disthmus.transfer.ramp=$ramp"} $(aot_opt sender) $(jfr_opt "$name.sender") $main send "$work/journal" "$dest" "$dport" "$rate" "$overhead" 1 "bench-$name-$$" "$fragment" "$batch" $handoff \
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
  local result; result=$(grep -v '^timeline:' "$work/$name.result" | tr -d '\n')
  echo "$name ($start UTC, load $load0 -> $(load)): $result sender_cpu_s $scpu" \
    "receiver_cpu_s $rcpu udp_rcvbuf_errors $((drops1 - drops0))${impaired:+ impairment_dropped $($impaired)}"
  local sender_steady; sender_steady=$(grep '^steady:' "$work/$name.sender.log" || echo 'steady: (no line)')
  echo "  sender $sender_steady"
  # the three rates side by side: what a user timing the whole transfer sees (sender launched to
  # last record delivered), the receiver's first to last delivery, and the sender's steady window
  awk -v launch="$launch_ms" -v steady="$sender_steady" -v r="$result" 'BEGIN {
    n = split(r, f, " "); for (i = 1; i < n; i++) if (!(f[i] in v)) v[f[i]] = f[i + 1]
    m = split(steady, g, " "); for (i = 1; i < m; i++) w[g[i]] = g[i + 1]
    s = (v["last_delivery_epoch_ms"] - launch) / 1000
    printf "  rates: from_launch_s %.3f from_launch_mbit_s %.1f whole_run_mbit_s %s steady_mbit_s %s\n",
      s, v["payload_bytes"] * 8 / s / 1e6, v["payload_mbit_s"], w["payload_mbit_s"] }'
  echo "  receiver $(grep '^timeline:' "$work/$name.result" || echo 'timeline: (no line)')"
  echo "  sender launch_epoch_ms $launch_ms $(grep '^timeline:' "$work/$name.sender.log" || echo 'timeline: (no line)')"
}

if [ "$only" = all ] || [ "$only" = loopback ]; then
  # loopback: the sender sends straight to the receiver, no loss (loopback's MTU is 65,536)
  run "loopback-f$fragment" "" "" 127.0.0.1 5001 127.0.0.1
fi

if [ "$only" = all ] || [ "$only" = netns ]; then
  [ "$(id -u)" = 0 ] || { echo "the namespace run needs root" >&2; exit 2; }
  tag=b$$
  s=isd${tag}s l=isd${tag}l r=isd${tag}r
  pct=$(awk -v p="$loss" 'BEGIN { printf "%g", p * 100 }')
  if [ "$impair" = kernel ]; then
    # sender | receiver over one veth pair; the receiving namespace's kernel drops $loss at random
    namespaces=("$s" "$r")
    for n in $s $r; do ip netns add "$n"; ip -n "$n" link set lo up; done
    ip -n $s link add ${s}0 type veth peer name ${r}0 netns $r
    ip -n $s addr add 10.201.2.1/24 dev ${s}0; ip -n $r addr add 10.201.2.2/24 dev ${r}0
    ip -n $s link set ${s}0 mtu "$mtu"; ip -n $r link set ${r}0 mtu "$mtu"
    ip -n $s link set ${s}0 up; ip -n $r link set ${r}0 up
    if ip netns exec $r tc qdisc add dev ${r}0 root netem loss "$pct%" 2>/dev/null; then
      # netem on the receiver's veth egress would drop nothing the sender sends: put it on the sender's
      ip netns exec $r tc qdisc del dev ${r}0 root
      ip netns exec $s tc qdisc add dev ${s}0 root netem loss "$pct%"
      echo "impairment: netem loss $pct% on the sender's veth (MTU $mtu)"
      impaired="eval ip netns exec $s tc -s qdisc show dev ${s}0 | awk '/dropped/ { sub(\",\", \"\", \$7); print \$7; exit }'"
    else
      command -v iptables > /dev/null || {
        echo "no sch_netem and no iptables: apt-get install iptables, or use --impair relay" >&2; exit 2; }
      ip netns exec $r iptables -A INPUT -p udp --dport 5001 -m statistic --mode random --probability "$loss" -j DROP
      echo "impairment: no sch_netem in this kernel; netfilter drops $pct% at random before the receiver's socket (MTU $mtu)"
      impaired="eval ip netns exec $r iptables -nvx -L INPUT | awk '/statistic/ { print \$1; exit }'"
    fi
    run "netns-$pct-mtu$mtu" "ip netns exec $r" "ip netns exec $s" 10.201.2.2 5001 10.201.2.2
  else
    namespaces=("$s" "$l" "$r")
    for n in $s $l $r; do ip netns add "$n"; ip -n "$n" link set lo up; done
    ip -n $s link add ${s}0 type veth peer name ${l}0 netns $l
    ip -n $l link add ${l}1 type veth peer name ${r}0 netns $r
    ip -n $s addr add 10.201.1.1/24 dev ${s}0; ip -n $s link set ${s}0 up
    ip -n $l addr add 10.201.1.2/24 dev ${l}0; ip -n $l link set ${l}0 up
    ip -n $l addr add 10.201.2.1/24 dev ${l}1; ip -n $l link set ${l}1 up
    ip -n $r addr add 10.201.2.2/24 dev ${r}0; ip -n $r link set ${r}0 up
    ip -n $s link set ${s}0 mtu "$mtu"; ip -n $l link set ${l}0 mtu "$mtu"
    ip -n $l link set ${l}1 mtu "$mtu"; ip -n $r link set ${r}0 mtu "$mtu"
    ip netns exec $l "${jvm[@]}" io.isthmus.connect.transfer.link.ImpairmentRelay 10.201.1.2 5000 10.201.2.2 5001 \
      "$loss" 0 0 1 0 7 "$work/netns.relay" > "$work/netns.relay.log" 2>&1 &
    relay=$!
    sleep 2
    run "netns-relay-$pct-mtu$mtu" "ip netns exec $r" "ip netns exec $s" 10.201.1.2 5000 10.201.2.2
    kill "$relay"; wait "$relay" 2>/dev/null || true
    echo "  relay: $(cat "$work/netns.relay")"
  fi
fi
echo "logs and results in $work"
