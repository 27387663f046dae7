"""Records CPython 3.11's ctypes facts for pool/sharedctypes' tests.

Run from this directory with python3 (3.11) on Linux amd64: writes types.tsv
(typecode or ctypes name, __name__, sizeof, alignment) and stores.tsv (type,
integer stored, value read back) for ctypes' wrap-around, and struct.tsv
(field offsets and size of a sample Structure)."""
import ctypes
from multiprocessing import sharedctypes

class Sample(ctypes.Structure):
    _fields_ = [("a", ctypes.c_char), ("b", ctypes.c_int), ("c", ctypes.c_double),
                ("d", ctypes.c_short * 3), ("e", ctypes.c_bool), ("f", ctypes.c_float)]


with open("struct.tsv", "w") as out:
    for name, _ in Sample._fields_:
        out.write(f"{name}\t{getattr(Sample, name).offset}\n")
    out.write(f"sizeof\t{ctypes.sizeof(Sample)}\n")

names = list(sharedctypes.typecode_to_type) + [
    "c_bool", "c_char", "c_wchar", "c_byte", "c_ubyte", "c_short", "c_ushort",
    "c_int", "c_uint", "c_long", "c_ulong", "c_longlong", "c_ulonglong",
    "c_float", "c_double", "c_int8", "c_uint8", "c_int16", "c_uint16",
    "c_int32", "c_uint32", "c_int64", "c_uint64", "c_size_t", "c_ssize_t"]
with open("types.tsv", "w") as out:
    for n in names:
        t = sharedctypes.typecode_to_type.get(n) or getattr(ctypes, n)
        out.write(f"{n}\t{t.__name__}\t{ctypes.sizeof(t)}\t{ctypes.alignment(t)}\n")
with open("stores.tsv", "w") as out:
    for code in "bBhHiIlLqQ":
        for v in (300, -1, 70000, -129, 2**40 + 5, -(2**63)):
            out.write(f"{code}\t{v}\t{sharedctypes.RawValue(code, v).value}\n")
    for code in "fd":
        for v in (0.1, 1e39, -2.5):
            out.write(f"{code}\t{v!r}\t{sharedctypes.RawValue(code, v).value!r}\n")
