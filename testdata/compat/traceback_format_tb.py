# traceback.format_tb/print_tb/extract_tb/walk_tb/format_list, FrameSummary and StackSummary
import sys
import traceback


def inner(n):
    raise ValueError("bad %d" % n)


def middle(n):
    inner(n)


def outer(n):
    middle(n)


def rec(n):
    if n == 0:
        raise KeyError("bottom")
    rec(n - 1)


try:
    outer(3)
except ValueError as e:
    tb = e.__traceback__
    print("".join(traceback.format_tb(tb)), end="")
    print("--- limit 2")
    print("".join(traceback.format_tb(tb, limit=2)), end="")
    print("--- limit -1")
    print("".join(traceback.format_tb(tb, -1)), end="")
    print("--- print_tb to stdout")
    traceback.print_tb(tb, file=sys.stdout)
    traceback.print_tb(tb, 1, sys.stdout)
    st = traceback.extract_tb(tb)
    print(type(st).__name__, len(st))
    for fs in st:
        print(fs.filename == __file__, fs.lineno, fs.name, repr(fs.line))
    filename, lineno, name, line = st[-1]
    print(lineno, name, line, len(st[-1]), st[-1][1], st[-1][-2:])
    print(st[0] == (__file__, 25, "<module>", "outer(3)"), st[0] == st[0], st[0] != st[1])
    print(repr(st[1]).replace(__file__, "FILE"))
    print(repr(st).replace(__file__, "FILE"))
    print("".join(st.format()) == "".join(traceback.format_tb(tb)))
    print("".join(traceback.format_list(st)) == "".join(traceback.format_tb(tb)))
    print([(f.f_code.co_name, n) for f, n in traceback.walk_tb(tb)])
    print(traceback.format_tb(None), traceback.extract_tb(None))

print("--- format_list from tuples")
print(traceback.format_list([("spam.py", 3, "<module>", "spam.eggs()"), ("eggs.py", 42, "eggs", "return 'bacon'")]))
print(traceback.format_list([("nofile.py", 7, "f", None), ("nofile.py", 8, "g", "")]))
traceback.print_list([("a.py", 1, "f", "x = 1")], file=sys.stdout)
fs = traceback.FrameSummary("x.py", 12, "h", line="  y = 2  ")
print(fs.filename, fs.lineno, fs.name, repr(fs.line), list(fs), fs.locals)
print(fs == ("x.py", 12, "h", "y = 2"), repr(fs))
fs2 = traceback.FrameSummary(__file__, 6, "inner")
print(fs2.line)
ss = traceback.StackSummary.from_list([fs, ("b.py", 2, "k", "pass")])
print(type(ss).__name__, len(ss), ss.format())

print("--- recursion")
try:
    rec(7)
except KeyError as e:
    print("".join(traceback.format_tb(e.__traceback__)), end="")
    entries = traceback.extract_tb(e.__traceback__)
    print(len(entries), entries[-1].name, entries[-1].line)

try:
    traceback.format_tb(5)
except AttributeError as e:
    print("AttributeError", e)
