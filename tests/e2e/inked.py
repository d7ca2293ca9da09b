#!/usr/bin/env python3
"""inked.py PNG [SHARE] -- is the picture more than a blank page?

A PNG stores each row as differences from neighbouring pixels (its
filters): on a page of one colour every difference after the first row
and the first pixel of each row is zero.  This counts the differences
that are not, as a share of all, and exits 0 if it reaches SHARE
(default 0.001), else 1.  Printed text gives a few per cent; a blank or
single-colour page gives 0.  Standard library only (there is no PIL).
"""
import struct
import sys
import zlib

CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}    # colour type -> bytes per pixel


def share(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, lace = struct.unpack(
                ">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    if depth != 8 or colour not in CHANNELS or lace:
        sys.exit(f"{path}: only 8-bit, non-interlaced PNGs")
    bpp, raw = CHANNELS[colour], zlib.decompress(idat)
    stride = width * bpp + 1
    changed = total = 0
    for y in range(1, height):
        row = raw[y * stride + 1 + bpp:(y + 1) * stride]
        # Filter 0 stores the pixels themselves: count what differs
        # from the row's first pixel instead.
        same = (row.count(0) if raw[y * stride] != 0 else
                sum(row[i::bpp].count(raw[y * stride + 1 + i])
                    for i in range(bpp)))
        changed += len(row) - same
        total += len(row)
    return changed / total


def main():
    need = float(sys.argv[2]) if len(sys.argv) > 2 else 0.001
    got = share(sys.argv[1])
    print(f"{sys.argv[1]}: {got:.4f} of the pixels differ from their "
          "neighbours")
    sys.exit(0 if got >= need else 1)


if __name__ == "__main__":
    main()
