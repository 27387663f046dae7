# os.environ is a mapping backed by the process environment (CPython's os._Environ)
import os

os.environ.pop("PYPOOL_T_A", None)
os.environ.pop("PYPOOL_T_B", None)
print(type(os.environ).__name__, isinstance(os.environ, dict))
print("PYPOOL_T_A" in os.environ, os.environ.get("PYPOOL_T_A"), os.getenv("PYPOOL_T_A", "dflt"))
os.environ["PYPOOL_T_A"] = "one"
print("PYPOOL_T_A" in os.environ, os.environ["PYPOOL_T_A"], os.getenv("PYPOOL_T_A"))
os.environ["PYPOOL_T_A"] = "two"
print(os.environ.get("PYPOOL_T_A"), os.environ.setdefault("PYPOOL_T_A", "x"), os.environ.setdefault("PYPOOL_T_B", "bee"))
print(os.environ.pop("PYPOOL_T_B"), os.environ.pop("PYPOOL_T_B", "gone"), "PYPOOL_T_B" in os.environ)
try:
    os.environ["PYPOOL_T_NOPE"]
except KeyError as e:
    print("KeyError", repr(e))
try:
    del os.environ["PYPOOL_T_NOPE"]
except KeyError as e:
    print("KeyError", repr(e))
try:
    os.environ.pop("PYPOOL_T_NOPE")
except KeyError as e:
    print("KeyError", repr(e))
for bad in [lambda: os.environ.__setitem__("PYPOOL_T_C", 1),
            lambda: os.environ.__setitem__(1, "x"),
            lambda: os.environ.get(1),
            lambda: os.getenv(2),
            lambda: 3 in os.environ,
            lambda: os.environ[None],
            lambda: os.environ.update(PYPOOL_T_C=1.5)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
os.environ.update({"PYPOOL_T_C": "c"}, PYPOOL_T_D="d")
os.environ.update([("PYPOOL_T_E", "e")])
print(sorted(k for k in os.environ if k.startswith("PYPOOL_T_")))
print(sorted((k, v) for k, v in os.environ.items() if k.startswith("PYPOOL_T_")))
print(len(os.environ) == len(list(os.environ)) == len(os.environ.keys()) == len(os.environ.values()))
c = os.environ.copy()
print(type(c).__name__, c["PYPOOL_T_C"], c == os.environ, os.environ == c, dict(os.environ) == c)
c["PYPOOL_T_C"] = "changed"
print(os.environ["PYPOOL_T_C"], c == os.environ, os.environ != c)
m = os.environ | {"PYPOOL_T_F": "f"}
print(type(m).__name__, m["PYPOOL_T_F"], "PYPOOL_T_F" in os.environ)
m = {"PYPOOL_T_C": "zzz"} | os.environ
print(type(m).__name__, m["PYPOOL_T_C"])
os.environ |= {"PYPOOL_T_G": "g"}
print(os.environ["PYPOOL_T_G"], type(os.environ).__name__)
print("PYPOOL_T_C" in os.environ.keys(), "c" in os.environ.values(), ("PYPOOL_T_C", "c") in os.environ.items())
del os.environ["PYPOOL_T_G"]
print("PYPOOL_T_G" in os.environ, os.getenv("PYPOOL_T_G"))
# repr mirrors the contents
sub = {k: v for k, v in os.environ.items() if k.startswith("PYPOOL_T_")}
r = repr(os.environ)
print(r.startswith("environ({") and r.endswith("})"), "'PYPOOL_T_C': 'c'" in r, str(os.environ) == r)
print(repr(os.environ.keys()).startswith("KeysView(environ({"))
# putenv/unsetenv change the process environment only, as in CPython
os.putenv("PYPOOL_T_H", "h")
print(os.environ.get("PYPOOL_T_H"), os.getenv("PYPOOL_T_H"))
os.unsetenv("PYPOOL_T_C")
print(os.environ.get("PYPOOL_T_C"))
for k in list(os.environ):
    if k.startswith("PYPOOL_T_"):
        del os.environ[k]
print(sorted(k for k in os.environ if k.startswith("PYPOOL_T_")))
print(bool(os.environ), os.environ.get("PATH") is not None)
try:
    os.environ["A=B"] = "x"
except ValueError as e:
    print("ValueError", e)
try:
    os.environ["PYPOOL_T_Z"] = "a\0b"
except ValueError as e:
    print("ValueError", e)
