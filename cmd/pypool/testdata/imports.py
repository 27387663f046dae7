import _helper
import time as t
import _pkg.sub
import _pkg.sub as s
from _pkg import sub
from _pkg.sub import Z
print(_helper.hello(), _helper.X, _pkg.Y, _pkg.sub.Z, s.Z, sub.Z, Z, t.time() > 0)
try:
    import nosuchmodule
except ModuleNotFoundError as e:
    print("MNF:", e)
try:
    import _pkg.nosuch
except ImportError as e:
    print("IE:", e)
import nosuchmodule2
