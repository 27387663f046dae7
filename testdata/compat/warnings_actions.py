import warnings
from warnings import warn


def check(x):
    warn("check called", RuntimeWarning)
    return x * 2


print([check(i) for i in range(3)])
warnings.simplefilter("once")
for i in range(3):
    warnings.warn("shown once")
warnings.warn("shown once")
print(warnings.formatwarning("msg", UserWarning, "f.py", 3, "  x = 1  "), end="")


class AppWarning(UserWarning):
    pass


warnings.resetwarnings()
warnings.warn(AppWarning("custom instance"))
with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    warn("a")
    warn("b", DeprecationWarning)
print([str(w.message) for w in ws], [w.category.__name__ for w in ws], ws[0].lineno)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warn("boom", FutureWarning)
    except FutureWarning as e:
        print("caught", repr(e))
try:
    warn("x", 3)
except TypeError as e:
    print(e)
warnings.simplefilter("ignore", RuntimeWarning)
warn("ignored", RuntimeWarning)
warn("last one")
