#!/usr/bin/env python3
"""The Ethernet payload after EtherType 0x8892 (VLAN tags removed) of every PROFINET DCP frame.

usage: extract.py CAPTURE > NAME.hex
Runs: tshark -n -r CAPTURE -Y pn_dcp -T json -x   and cuts each "frame_raw" after the EtherType.
Output lines: "<frame number>\t<hex>".
"""
import json, subprocess, sys

out = subprocess.run(["tshark", "-n", "-r", sys.argv[1], "-Y", "pn_dcp", "-T", "json", "-x"],
                     capture_output=True, text=True, check=True).stdout
for packet in json.loads(out):
    layers = packet["_source"]["layers"]
    raw = bytes.fromhex(layers["frame_raw"][0])
    p, ethertype = 14, int.from_bytes(raw[12:14], "big")
    while ethertype in (0x8100, 0x88A8):
        ethertype, p = int.from_bytes(raw[p + 2:p + 4], "big"), p + 4
    print(layers["frame"]["frame.number"], raw[p:].hex(), sep="\t")
