#!/usr/bin/env python3
"""TCP payloads of every stream of a capture, in order, per direction, as tshark 4.0 reassembles them.

usage: extract.py CAPTURE > NAME.segments.gz-less text (pipe through gzip -n)
Runs: tshark -n -r CAPTURE -T fields -e tcp.stream   (the stream numbers), then for each N
      tshark -n -r CAPTURE -q -z follow,tcp,raw,N
Output lines: "<stream> <node> <hex>", node 0 = the side that sent first in the capture, one line per
segment as tshark's follow shows it (retransmissions removed, gaps closed up).
"""
import subprocess, sys

cap = sys.argv[1]
streams = subprocess.run(["tshark", "-n", "-r", cap, "-T", "fields", "-e", "tcp.stream"],
                         capture_output=True, text=True, check=True).stdout.split()
for n in sorted({int(s) for s in streams if s}):
    out = subprocess.run(["tshark", "-n", "-r", cap, "-q", "-z", f"follow,tcp,raw,{n}"],
                         capture_output=True, text=True, check=True).stdout
    body = out.split("Node 1:", 1)[1].split("\n", 1)[1]
    for line in body.splitlines():
        if not line.strip() or line.startswith("="):
            continue
        node = 1 if line.startswith("\t") else 0
        print(n, node, line.strip())
