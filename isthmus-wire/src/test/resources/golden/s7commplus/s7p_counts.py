#!/usr/bin/env python3
"""S7comm-plus requests (opcode 0x31) by function code, from the COTP user data tshark extracts.
usage: s7p_counts.py FILE  -> JSON {function: count}"""
import json, subprocess, sys, collections
f = sys.argv[1]
out = subprocess.run(["tshark", "-r", f, "-Y", "cotp.type == 0x0f && data.data",
                      "-T", "fields", "-e", "tcp.srcport", "-e", "tcp.dstport", "-e", "data.data"],
                     capture_output=True, text=True).stdout
inside = collections.defaultdict(bool)   # per direction: inside a message split over frames
counts = collections.Counter()
for line in out.splitlines():
    sport, dport, data = line.split("\t")
    for hexpdu in data.split(","):
        p = bytes.fromhex(hexpdu)
        if len(p) < 4 or p[0] != 0x72 or p[1] in (0xFE, 0xFF):
            continue
        key = (sport, dport)
        trailer = len(p) >= 4 + int.from_bytes(p[2:4], "big") + 4
        if inside[key]:
            inside[key] = not trailer
            continue
        o = 4 + (1 + p[4] if p[1] == 3 else 0)
        if len(p) >= o + 5 and p[o] == 0x31:
            counts[str(int.from_bytes(p[o + 3:o + 5], "big"))] += 1
        inside[key] = not trailer and 4 + int.from_bytes(p[2:4], "big") <= len(p)
json.dump(dict(sorted(counts.items(), key=lambda kv: int(kv[0]))), sys.stdout, indent=1)
print()
