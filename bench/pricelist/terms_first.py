#!/usr/bin/env python3
"""Writes a copy of a generated offer file (gen_ec2_offer) with the "terms" member
moved before "products" (JSON has no key order), to measure `pricing import` on it:
    python3 bench/pricelist/terms_first.py IN.json OUT.json
Streams the bytes (mmap), so a 500 MB file needs no 500 MB of memory."""
import mmap
import sys

src, dst = sys.argv[1], sys.argv[2]
with open(src, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m, open(dst, "wb") as out:
    products = m.find(b'\n  "products" : {')
    terms = m.find(b'\n  "terms" : {')
    rest = m.find(b'\n  "attributesList"')
    if not 0 < products < terms < rest:
        sys.exit("terms_first.py: expected products, terms and attributesList at the top level, in that order")
    # header | products ... "},"  | terms ... "},"  | attributesList ...
    for begin, end in ((0, products), (terms, rest), (products, terms), (rest, len(m))):
        for at in range(begin, end, 1 << 24):
            out.write(m[at:min(end, at + (1 << 24))])
