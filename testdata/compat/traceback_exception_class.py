# traceback.TracebackException (from_exception, format, format_exception_only, print,
# stack, __cause__/__context__) and format_exception returning one string per entry
import sys
import traceback


def fail(x):
    raise ValueError("bad value %r" % (x,))


def wrap(x):
    try:
        fail(x)
    except ValueError as e:
        raise RuntimeError("wrapped") from e


try:
    wrap(3)
except RuntimeError as e:
    te = traceback.TracebackException.from_exception(e)
    print(type(te).__name__, te.exc_type.__name__, str(te), te.__suppress_context__)
    print(type(te.__cause__).__name__, te.__cause__.exc_type.__name__, str(te.__cause__), te.__context__)
    print(len(te.stack), [fs.name for fs in te.stack], [fs.name for fs in te.__cause__.stack])
    print("".join(te.format()), end="")
    print("--- chain=False")
    print(list(te.format(chain=False)))
    print(list(te.format_exception_only()))
    print("--- print")
    te.print(file=sys.stdout)
    te2 = traceback.TracebackException(type(e), e, e.__traceback__, limit=1)
    print("".join(te2.format()), end="")
    print("--- limit -1")
    print("".join(traceback.TracebackException.from_exception(e, limit=-1).format()), end="")
    print(traceback.format_exception(e) == list(te.format()))

try:
    try:
        raise KeyError("k")
    except KeyError:
        raise TypeError("during")
except TypeError as e:
    te = traceback.TracebackException.from_exception(e)
    print(te.__cause__, type(te.__context__).__name__, te.__context__.exc_type.__name__)
    print(traceback.format_exception(e))

try:
    try:
        raise ZeroDivisionError("division by zero")
    except Exception as e:
        raise KeyError("a\nb") from e
except Exception as e:
    print(traceback.format_exception(e))
    print(traceback.format_exception_only(e))
    print(traceback.format_exception(e, chain=False)[-1])
print(traceback.format_exception_only(None))
print(traceback.format_exception(None))
