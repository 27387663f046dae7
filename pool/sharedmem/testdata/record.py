"""Records CPython 3.11's shared_memory behaviour for pool/sharedmem's tests.

Run from this directory with python3 (3.11): writes errors.tsv (one line per
case: case, exception type, errno or -, message) and shareable_list.bin (the
bytes of a ShareableList block, for the layout test)."""
from multiprocessing import shared_memory as sm

CASES = [
    ("slash_inside", dict(name="a/b", create=True, size=10)),
    ("empty_name", dict(name="", create=True, size=10)),
    ("missing", dict(name="pypool_record_missing")),
    ("name_none_attach", dict(name=None)),
    ("negative_size", dict(name="pypool_record_x", create=True, size=-1)),
    ("zero_size_create", dict(name="pypool_record_x", create=True, size=0)),
    ("negative_size_attach", dict(name="pypool_record_x", size=-1)),
]

with open("errors.tsv", "w") as out:
    for case, kw in CASES:
        try:
            sm.SharedMemory(**kw).unlink()
            out.write(f"{case}\tok\t-\t-\n")
        except Exception as e:
            out.write(f"{case}\t{type(e).__name__}\t{getattr(e, 'errno', None) or '-'}\t{e}\n")
    m = sm.SharedMemory("pypool_record_taken", create=True, size=10)
    try:
        sm.SharedMemory("pypool_record_taken", create=True, size=10)
    except Exception as e:
        out.write(f"taken\t{type(e).__name__}\t{e.errno}\t{e}\n")
    m.unlink()
    try:
        m.unlink()
    except Exception as e:
        out.write(f"unlink_twice\t{type(e).__name__}\t{e.errno}\t{e}\n")
    m.close()
    sl = sm.ShareableList([7, -2.5, True, None, "héllo wörld", b"by", "", "12345678", False])
    sl[0] = "ab"
    sl[2] = 3
    try:
        sl[1] = "x" * 9
    except Exception as e:
        out.write(f"list_too_long\t{type(e).__name__}\t-\t{e}\n")
    with open("shareable_list.bin", "wb") as f:
        f.write(bytes(sl.shm.buf))
    out.write(f"list_repr\t-\t-\t{list(sl)!r} {sl.format}\n")
    sl.shm.close()
    sl.shm.unlink()
