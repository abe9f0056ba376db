#!/usr/bin/env python3
"""Temporary merge helper: splices fragment files (top-level keys tags/paths/schemas,
each indented 2 spaces) into openapi.yaml. Usage: merge.py OUT FRAGMENT..."""
import sys, re

def blocks(text):
    out = {"tags": [], "paths": [], "schemas": []}
    cur = None
    for line in text.splitlines():
        m = re.match(r"^(tags|paths|schemas):\s*$", line)
        if m:
            cur = m.group(1); continue
        if cur is None:
            continue
        out[cur].append(line)
    return out

base = open("openapi.yaml").read().splitlines()
frags = [blocks(open(f).read()) for f in sys.argv[2:]]
def insert_after_section(lines, header, new, indent_extra):
    # find header line, then the end of its block (next line with indent <= header indent)
    idx = next(i for i, l in enumerate(lines) if l.rstrip() == header)
    hind = len(header) - len(header.lstrip())
    j = idx + 1
    while j < len(lines) and (lines[j].strip() == "" or len(lines[j]) - len(lines[j].lstrip()) > hind):
        j += 1
    while lines[j-1].strip() == "":
        j -= 1
    add = [(" " * indent_extra + l) if l.strip() else "" for l in new]
    return lines[:j] + add + lines[j:]
for fr in frags:
    base = insert_after_section(base, "tags:", fr["tags"], 0)
    base = insert_after_section(base, "paths:", [""] + fr["paths"], 0)
    base = insert_after_section(base, "  schemas:", [""] + fr["schemas"], 2)
open(sys.argv[1], "w").write("\n".join(base) + "\n")
