#!/bin/sh
# Regenerates the *.streams files next to this script from the shared captures, with Debian's
# tshark 4.0.17. One line per TCP segment or UDP datagram that carries payload, in capture order:
#   <tcp|udp> <TAB> <tcp.stream or udp.stream> <TAB> <source port> <TAB> <destination port> <TAB> <payload hex>
# Retransmissions and out-of-order segments are left out (the shared captures used here have none).
# usage: ./extract.sh /work/shared/data/pcap CAPTURE...
set -eu
dir="$1"; shift
for capture in "$@"; do
  tshark -r "$dir/$capture" \
    -Y '(tcp.len > 0 && !tcp.analysis.retransmission && !tcp.analysis.out_of_order) || (udp && udp.length > 8)' \
    -T fields -E separator=/t -e tcp.stream -e tcp.srcport -e tcp.dstport -e tcp.payload \
    -e udp.stream -e udp.srcport -e udp.dstport -e udp.payload |
  awk -F'\t' '$4 != "" { print "tcp\t" $1 "\t" $2 "\t" $3 "\t" $4; next }
              $8 != "" { print "udp\t" $5 "\t" $6 "\t" $7 "\t" $8 }' > "$capture.streams"
done
