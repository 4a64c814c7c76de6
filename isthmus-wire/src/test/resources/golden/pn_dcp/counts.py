#!/usr/bin/env python3
"""PROFINET DCP golden counts from tshark 4.0: every DCP frame, keyed by its ServiceID.

usage: counts.py CAPTURE > NAME.counts.json
Runs: tshark -n -r CAPTURE -Y pn_dcp -T fields -e pn_dcp.service_id
"""
import collections, json, subprocess, sys

cmd = ["tshark", "-n", "-r", sys.argv[1], "-Y", "pn_dcp", "-T", "fields", "-e", "pn_dcp.service_id"]
out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
counts = collections.Counter(str(int(v, 0)) for v in out.split())
json.dump({"command": " ".join(cmd), "pn_dcp": dict(sorted(counts.items(), key=lambda kv: int(kv[0])))},
          sys.stdout, indent=1)
print()
