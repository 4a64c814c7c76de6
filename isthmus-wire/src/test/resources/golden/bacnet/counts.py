#!/usr/bin/env python3
"""BACnet/IP golden counts from tshark 4.0: every BVLL message, keyed by Isthmus's function code.

usage: counts.py CAPTURE > NAME.counts.json
Runs: tshark -n -r CAPTURE -Y bvlc -T fields -e bvlc.function -e bacnet.mesgtyp -e bacapp.type
             -e bacapp.confirmed_service -e bacapp.unconfirmed_service
Codes (package-info of io.isthmus.wire.bacnet): APDU types 0,1,2,3,5 -> type<<8 | service;
4,6,7 -> type<<8; network layer message -> 0x1000 | type; BVLL without NPDU -> 0x2000 | function.
"""
import collections, json, subprocess, sys

cmd = ["tshark", "-n", "-r", sys.argv[1], "-Y", "bvlc", "-T", "fields", "-e", "bvlc.function",
       "-e", "bacnet.mesgtyp", "-e", "bacapp.type", "-e", "bacapp.confirmed_service",
       "-e", "bacapp.unconfirmed_service"]
out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
counts = collections.Counter()
for line in out.splitlines():
    function, mesgtyp, apdu, confirmed, unconfirmed = (line.split("\t") + [""] * 5)[:5]
    if apdu:
        t = int(apdu.split(",")[0], 0)
        service = confirmed or unconfirmed
        code = t << 8 | (int(service.split(",")[0], 0) if t in (0, 1, 2, 3, 5) and service else 0)
    elif mesgtyp:
        code = 0x1000 | int(mesgtyp, 0)
    else:
        code = 0x2000 | int(function, 0)
    counts[str(code)] += 1
json.dump({"command": " ".join(cmd), "bacnet": dict(sorted(counts.items(), key=lambda kv: int(kv[0])))},
          sys.stdout, indent=1)
print()
