#!/usr/bin/env python3
"""Per-file IEC 60870-5-104 APDU counts as tshark 4.0 sees them, in Isthmus function numbering.
usage: iec104_counts.py FILE...   (JSON keyed by file name, like tshark_counts.py)

Function numbering: I-format = ASDU type identification; S-format = 0x101 (257);
U-format = 0x100 | first control octet = 0x100 | (iec60870_104.utype << 2 | 3).
"iec104" counts every APDU; "iec104_requests" counts those sent as requests: I-format with cause
act (6) or deact (8), or req (5) with a control-direction type (45..69, 100..113), or file (13) or
an undefined cause from the TCP client (dstport 2404); S-format from the client; U-format
activations (STARTDT/STOPDT/TESTFR act).

Deliberate differences (Isthmus reports these APDUs as malformed, tshark shows them as APDUs):
S- and U-format APDUs whose length octet is not 4, U-format APDUs whose control octet names no
single function, and I-format APDUs whose ASDU is shorter than its 6-octet identifier (length < 10)
are not counted. Retransmitted TCP segments are not dissected by tshark and not counted."""
import json, subprocess, sys, collections
U_VALID = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20}
U_ACT = {0x01, 0x04, 0x10}
DEFINED_CAUSES = set(range(1, 14)) | set(range(20, 42)) | set(range(44, 48))
FIELDS = ["iec60870_104.type", "iec60870_104.apdulen", "iec60870_104.utype",
          "iec60870_asdu.typeid", "iec60870_asdu.causetx", "tcp.dstport"]

def control_type(t):
    return 45 <= t <= 69 or 100 <= t <= 113

def ints(s):
    return [int(v, 0) for v in s.split(",") if v]

def count(f):
    cmd = ["tshark", "-r", f, "-Y", "iec60870_104", "-T", "fields", "-E", "occurrence=a"]
    for field in FIELDS:
        cmd += ["-e", field]
    r = subprocess.run(cmd, capture_output=True, text=True)
    every, req = collections.Counter(), collections.Counter()
    for line in r.stdout.splitlines():
        types, lens, utypes, typeids, causes, dport = [ints(v) if i < 5 else v
                                                        for i, v in enumerate((line.split("\t") + [""] * 6)[:6])]
        client = dport == "2404"
        asdus, us = iter(zip(typeids, causes)), iter(utypes)
        for apci, length in zip(types, lens):
            if apci == 3:
                u = next(us, None)
                if length == 4 and u in U_VALID:
                    fn = str(0x100 | (u << 2 | 3)); every[fn] += 1
                    if u in U_ACT: req[fn] += 1
            elif apci == 1:
                if length == 4:
                    every["257"] += 1
                    if client: req["257"] += 1
            elif length > 4:
                asdu = next(asdus, None)
                if asdu is None or length < 10:
                    continue
                t, c = asdu
                every[str(t)] += 1
                if c in (6, 8) or (c == 5 and control_type(t)) or ((c == 13 or c not in DEFINED_CAUSES) and client):
                    req[str(t)] += 1
    per = {}
    if every: per["iec104"] = dict(every)
    if req: per["iec104_requests"] = dict(req)
    return per

json.dump({f: count(f) for f in sys.argv[1:]}, sys.stdout, indent=1, sort_keys=True)
