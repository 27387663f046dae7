# traceback.StackSummary.extract over walk_tb, with limit; list operations
# on a StackSummary
import traceback


def leaf():
    raise LookupError("missing")


def branch():
    leaf()


try:
    branch()
except LookupError as e:
    s = traceback.StackSummary.extract(traceback.walk_tb(e.__traceback__))
    print(len(s), [f.name for f in s])
    print("".join(s.format()), end="")
    s2 = traceback.StackSummary.extract(traceback.walk_tb(e.__traceback__), limit=-2)
    print([(f.name, f.lineno) for f in s2])
    last = s.pop()
    print(last.name, len(s), [f.name for f in s[::-1]])
    s.append(("made.py", 1, "made", "pass"))
    print(s[-1], len(s))
    print(traceback.StackSummary.from_list(s).format()[-1], end="")
    print(s == list(s), isinstance(s, traceback.StackSummary))
