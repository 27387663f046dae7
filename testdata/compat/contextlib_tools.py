from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack, redirect_stdout
import io

@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name
    except KeyError as e:
        print("tag caught", repr(e))
    finally:
        print("</%s>" % name)

with tag("a") as t:
    print("body", t)
with tag("b"):
    raise KeyError("k")
print("after b")
try:
    with tag("c"):
        raise ValueError("v")
except ValueError as e:
    print("propagated", repr(e))

@contextmanager
def plain():
    print("enter")
    yield
    print("exit (not on error)")
try:
    with plain():
        1 / 0
except ZeroDivisionError:
    print("zde")

@tag("deco")
def work(x):
    print("work", x)
    return x * 2
print(work(3))

class Res:
    def close(self):
        print("closed")
with closing(Res()) as r:
    print(type(r).__name__)
with nullcontext(5) as v:
    print(v)
with suppress(ValueError, TypeError):
    int("x")
print("suppressed")

with ExitStack() as stack:
    stack.callback(print, "cb1")
    a = stack.enter_context(tag("s1"))
    stack.callback(print, "cb2")
    print("in stack", a)
with ExitStack() as stack:
    stack.enter_context(suppress(KeyError))
    stack.callback(print, "cleanup")
    raise KeyError("x")
print("stack suppressed")

@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print(e)
