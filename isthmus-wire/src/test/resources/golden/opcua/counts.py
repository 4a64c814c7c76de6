#!/usr/bin/env python3
"""OPC UA golden counts from tshark 4.0: every OPC UA message, keyed by Isthmus's function code.

usage: counts.py CAPTURE [TSHARK_DECODE_AS] > NAME.counts.json
Runs: tshark -n -r CAPTURE [-d DECODE_AS] -Y opcua -T fields -e opcua.transport.type -e opcua.servicenodeid.numeric
HEL/ACK/ERR/RHE become 0/1/2/3 (package-info of io.isthmus.wire.opcua); each OPN/MSG/CLO takes the
next service NodeId of the frame (tshark lists several messages of one frame comma-separated).
"""
import collections, json, subprocess, sys

TRANSPORT = {"HEL": 0, "ACK": 1, "ERR": 2, "RHE": 3}
cmd = ["tshark", "-n", "-r", sys.argv[1]]
if len(sys.argv) > 2:
    cmd += ["-d", sys.argv[2]]
cmd += ["-Y", "opcua", "-T", "fields", "-e", "opcua.transport.type", "-e", "opcua.servicenodeid.numeric"]
out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
counts = collections.Counter()
for line in out.splitlines():
    types, _, ids = line.partition("\t")
    ids = [i for i in ids.split(",") if i]
    for t in types.split(","):
        if t in TRANSPORT:
            counts[str(TRANSPORT[t])] += 1
        elif ids:
            counts[str(int(ids.pop(0)))] += 1
        else:
            counts["5"] += 1  # secure conversation message without a readable service
json.dump({"command": " ".join(cmd), "opcua": dict(sorted(counts.items(), key=lambda kv: int(kv[0])))},
          sys.stdout, indent=1)
print()
