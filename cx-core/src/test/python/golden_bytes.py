"""Golden byte forms of version 1 (docs/format.md), written from the specification alone.

Run: python3 cx-core/src/test/python/golden_bytes.py
The printed hex strings are pasted into ByteFormatGoldenTest; the Java encoder must produce them.
CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) is computed bit by bit here, checked
against its standard check value, so the test does not lean on the JDK's CRC32C.
"""
import struct


def crc32c(data: bytes) -> int:
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


assert crc32c(b"123456789") == 0xE3069283  # the check value of CRC-32C (RFC 3720, B.4)


def varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def string(s):
    if s is None:
        return varint(0)
    raw = s.encode("utf-8")
    return varint(len(raw) + 1) + raw


def f64(x: float) -> bytes:
    return struct.pack("<d", x)


def envelope(kind: int, body: bytes) -> bytes:
    data = b"CX" + bytes([1, kind]) + body
    return data + struct.pack("<I", crc32c(data))


NPS = bytes([0, 0, 10, 9, 6])
CSAT = bytes([1, 1, 5, 4, 3])
CES = bytes([2, 1, 7, 5, 4])

# 1. NPS counts 0..10 for ratings 0..10, plus 300 for rating 10 (a two-byte varint).
counts = list(range(10)) + [300]
nps = envelope(1, NPS + b"\x00" + b"".join(varint(c) for c in counts))
print("nps", nps.hex())

# 2. CSAT weighted: ratings 1..5 with counts 1,0,0,2,1 and weights 0.5,0,0,3.0,1.25; sum w^2 = 0.25+2*2.25... given directly.
wcounts = [1, 0, 0, 2, 1]
weights = [0.5, 0.0, 0.0, 3.0, 1.25]
squares = 0.25 + 1.5 ** 2 * 2 + 1.25 ** 2   # two responses of 1.5 at rating 4
csat = envelope(1, CSAT + b"\x01" + b"".join(varint(c) for c in wcounts)
                + b"".join(f64(w) for w in weights) + f64(squares))
print("csat_weighted", csat.hex())

# 3. A CES table by (touchpoint, location): groups ("counter", "Lyon"), ("café", null), in that order.
table = CES + b"\x00" + varint(2) + string("touchpoint") + string("location") + varint(2)
table += string("counter") + string("Lyon") + b"".join(varint(c) for c in [0, 0, 1, 0, 2, 5, 130])
table += string("café") + string(None) + b"".join(varint(c) for c in [1, 0, 0, 0, 0, 0, 0])
print("ces_table", envelope(2, table).hex())

# 4. Score states (kind 6): flags (bit 0 weighted, bit 1 metric known), [metric, cells], without score, rejected.
#    An NPS state of one 9, two rows without a score and one rejected row; and an empty state.
state = envelope(6, bytes([2]) + NPS + b"".join(varint(c) for c in [0] * 9 + [1, 0]) + varint(2) + varint(1))
print("nps_state", state.hex())
print("empty_state", envelope(6, bytes([0]) + varint(0) + varint(0)).hex())
