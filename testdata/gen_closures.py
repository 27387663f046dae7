#!/usr/bin/env python3
"""Generate the closures/ conformance cases: random nestings of functions, lambdas,
comprehensions, generator expressions, class bodies, methods, nonlocal and del, written to
testdata/closures/gen_NN.py. Every case is a function (or a module-level block) that computes an
int; the script prints each result, or the exception's type and message, so a wrong closure
variable shows as one differing line.

The variable names come from a small pool, so that one code object often owns cells and free
variables at the same index (the class of bug of issue 14, item 1).

Usage (from the repository root):
    python3 testdata/gen_closures.py           # write the scripts (deterministic: fixed seeds)
    python3 testdata/record.py closures        # record what CPython prints for them
    python3 testdata/gen_closures.py /tmp/wide 100 500   # a wider search, not committed
"""
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "testdata", "closures")
SCRIPTS = 10           # files gen_00 … gen_09
CASES = 30             # functions per file
POOL_EVERY = 5         # every 5th script also runs its cases in a Pool (functions sent to workers)
NAMES = ["a", "b", "c", "i", "j", "k", "n", "x", "y"]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.helpers = 0

    def pick(self, seq):
        return self.r.choice(list(seq))

    def fresh(self, prefix):
        self.helpers += 1
        return f"{prefix}{self.helpers}"

    def small(self, env, depth):
        """An expression bounded to 1..3, for range bounds."""
        return f"({self.expr(env, depth)}) % 3 + 1"

    def expr(self, env, depth):
        """An int-valued expression reading only names in env."""
        r = self.r
        if depth <= 0 or r.random() < 0.2:
            if env and r.random() < 0.8:
                return self.pick(env)
            return str(r.randint(0, 9))
        d = depth - 1
        v = self.pick(NAMES)
        w = self.pick([n for n in NAMES if n != v])
        inner = env + [v]
        form = r.randrange(14)
        if form == 0:
            return f"({self.expr(env, d)} {self.pick('+-*')} {self.expr(env, d)})"
        if form == 1:
            cond = f" if {self.expr(inner, 0)} % 2" if r.random() < 0.3 else ""
            return f"sum([{self.expr(inner, d)} for {v} in range({self.small(env, 0)}){cond}])"
        if form == 2:
            return f"sum({self.expr(inner, d)} for {v} in range({self.small(env, 0)}))"
        if form == 3:
            return (f"sum([{self.expr(inner + [w], d)} for {v} in range({self.small(env, 0)}) "
                    f"for {w} in range({v}, {v} + {self.small([n for n in inner if n != w], 0)})])")
        if form == 4:
            return f"sum({{{v}: {self.expr(inner, d)} for {v} in range({self.small(env, 0)})}}.values())"
        if form == 5:
            return f"sum({{{self.expr(inner, d)} for {v} in range({self.small(env, 0)})}})"
        if form == 6:
            return (f"sum(map(sum, [[{self.expr(inner + [w], d)} for {w} in range({self.small(inner, 0)})] "
                    f"for {v} in range({self.small(env, 0)})]))")
        if form == 7:
            return f"(lambda {v}: {self.expr(inner, d)})({self.expr(env, d)})"
        if form == 8:
            return f"(lambda {v}={self.expr(env, 0)}: {self.expr(inner, d)})()"
        if form == 9:
            return f"sum(list({self.expr(inner, d)} for {v} in range({self.small(env, 0)})))"
        if form == 10:
            return f"({self.expr(env, d)} if {self.expr(env, 0)} % 2 else {self.expr(env, d)})"
        if form == 11:
            # lambdas made in a comprehension: late binding, or bound by a default
            if r.random() < 0.5:
                return f"sum(f() for f in [lambda: {self.expr(inner, d)} for {v} in range({self.small(env, 0)})])"
            return f"sum(f() for f in [lambda {v}={v}: {self.expr(inner, d)} for {v} in range({self.small(env, 0)})])"
        if form == 12:
            return f"max([{self.expr(inner, d)} for {v} in range({self.small(env, 0)})], default=0)"
        return f"sum(sum({self.expr(inner + [w], d)} for {w} in range({v} + 1)) for {v} in range({self.small(env, 0)}))"

    def body(self, env, depth, indent, outer=()):
        """Statements of a function body, ending with a return. env: the names readable at
        the start; outer: those of them bound by an enclosing function (never assigned here,
        which would make them local for the whole body)."""
        r = self.r
        pad = " " * indent
        lines = []
        env = list(env)
        mine = [n for n in NAMES if n not in outer] or ["u"]  # names this body may bind
        bound = [n for n in env if n not in outer]   # bound here so far
        for _ in range(r.randint(1, 4)):
            form = r.randrange(20)
            v = self.pick(mine)
            if form <= 2 or depth <= 0:
                lines.append(f"{pad}{v} = {self.expr(env, depth)}")
            elif form == 3 and v in bound:
                lines.append(f"{pad}{v} += {self.expr(env, depth - 1)}")
            elif form == 4:
                # a nested function (a closure), called at once
                g = self.fresh("g")
                params = self.r.sample(NAMES, r.randint(0, 2))
                lines.append(f"{pad}def {g}({', '.join(params)}):")
                lines += self.body(env + [p for p in params if p not in env], depth - 1, indent + 4,
                                   [n for n in env if n not in params])
                args = ", ".join(self.expr(env, 0) for _ in params)
                lines.append(f"{pad}{v} = {g}({args})")
            elif form == 5 and bound:
                # nonlocal: an inner function rebinds a variable of this one
                t = self.pick(bound)
                g = self.fresh("bump")
                lines.append(f"{pad}def {g}():")
                lines.append(f"{pad}    nonlocal {t}")
                lines.append(f"{pad}    {t} = {self.expr(env, depth - 1)}")
                lines.append(f"{pad}    return {self.expr(env, depth - 1)}")
                lines.append(f"{pad}{v} = {g}() + {t}")
            elif form == 6:
                # a class body in a function: reads the function's variables
                # (free), has methods and comprehensions of its own
                k = self.fresh("K")
                q = self.pick(NAMES)
                lines.append(f"{pad}class {k}:")
                lines.append(f"{pad}    attr = {self.expr(env, depth - 1)}")
                if r.random() < 0.1:
                    # class attributes are not visible in the class's comprehensions
                    lines.append(f"{pad}    more = [attr + {self.expr(env + [q], depth - 1)} for {q} in range(2)]")
                else:
                    lines.append(f"{pad}    more = [{self.expr(env + [q], depth - 1)} for {q} in range(2)]")
                lines.append(f"{pad}    def m(self, {q}):")
                lines.append(f"{pad}        return self.attr + {self.expr(env + [q], depth - 1)}")
                lines.append(f"{pad}{v} = {k}.attr + sum({k}.more) + {k}().m({self.expr(env, 0)})")
            elif form == 7:
                # a generator function
                g = self.fresh("gen")
                w = self.pick(NAMES)
                lines.append(f"{pad}def {g}():")
                lines.append(f"{pad}    for {w} in range({self.small([n for n in env if n != w], 0)}):")
                lines.append(f"{pad}        yield {self.expr(env + [w], depth - 1)}")
                lines.append(f"{pad}{v} = sum({g}())")
            elif form == 8:
                w = self.pick(mine)
                if w not in env:
                    lines.append(f"{pad}{w} = 0")  # the loop may not run
                lines.append(f"{pad}for {v} in range({self.small(env, 0)}):")
                lines.append(f"{pad}    {w} = {self.expr(env + [v], depth - 1)}")
                for n in (w,):
                    if n not in env:
                        env.append(n)
                    if n not in bound:
                        bound.append(n)
                if v not in env:
                    lines.insert(len(lines) - 2, f"{pad}{v} = 0")
            elif form == 9:
                # a decorator factory: cells and free variables in every layer
                d, f = self.fresh("deco"), self.fresh("h")
                q = self.pick(NAMES)
                lines.append(f"{pad}def {d}(scale):")
                lines.append(f"{pad}    def wrap(fn):")
                lines.append(f"{pad}        count = 0")
                lines.append(f"{pad}        def inner(*args):")
                lines.append(f"{pad}            nonlocal count")
                lines.append(f"{pad}            count += 1")
                lines.append(f"{pad}            return fn(*args) * scale + count")
                lines.append(f"{pad}        return inner")
                lines.append(f"{pad}    return wrap")
                lines.append(f"{pad}@{d}({self.expr(env, 0)})")
                lines.append(f"{pad}def {f}({q}):")
                lines.append(f"{pad}    return {self.expr(env + [q], depth - 1)}")
                lines.append(f"{pad}{v} = {f}({self.expr(env, 0)}) + {f}({self.expr(env, 0)})")
            elif form == 10:
                # defaults, keyword-only and star parameters evaluated in this scope
                g = self.fresh("g")
                q, w = self.r.sample(NAMES, 2)
                lines.append(f"{pad}def {g}(*qs, {q}={self.expr(env, depth - 1)}, {w}=(lambda: {self.expr(env, 1)})):")
                lines.append(f"{pad}    return sum(qs) + {self.expr([n for n in env if n not in (q, w)] + [q], depth - 1)} + {w}()")
                lines.append(f"{pad}{v} = {g}({self.expr(env, 0)}, {self.expr(env, 0)})")
            elif form == 11:
                # a recursive inner function: its own name is a cell here
                g = self.fresh("rec")
                q = self.pick(NAMES)
                lines.append(f"{pad}def {g}({q}):")
                lines.append(f"{pad}    return 1 if {q} <= 0 else {g}({q} - 1) + {self.expr([n for n in env] + [q], depth - 1)}")
                lines.append(f"{pad}{v} = {g}({self.small(env, 0)})")
            elif form == 12:
                # late binding: the closure sees the variable's last value
                if bound:
                    t = self.pick(bound)
                    g = self.fresh("late")
                    lines.append(f"{pad}def {g}():")
                    lines.append(f"{pad}    return [{t} + {self.expr(env + ['z'], 0)} for z in range(2)]")
                    lines.append(f"{pad}{t} = {self.expr(env, depth - 1)}")
                    lines.append(f"{pad}{v} = sum({g}())")
                else:
                    lines.append(f"{pad}{v} = {self.expr(env, depth)}")
            elif form == 13:
                # classes nested in a class in a function
                k = self.fresh("K")
                lines.append(f"{pad}class {k}:")
                lines.append(f"{pad}    class Inner:")
                lines.append(f"{pad}        val = {self.expr(env, depth - 1)}")
                lines.append(f"{pad}        def get(self):")
                lines.append(f"{pad}            return self.val + {self.expr(env, depth - 1)}")
                lines.append(f"{pad}    total = Inner.val + {self.expr(env, 0)}")
                lines.append(f"{pad}{v} = {k}.total + {k}.Inner().get()")
            elif form == 14:
                # an exception bound by except ... as, read by a closure
                lines.append(f"{pad}try:")
                lines.append(f"{pad}    raise ValueError({self.expr(env, depth - 1)})")
                lines.append(f"{pad}except ValueError as err:")
                lines.append(f"{pad}    {v} = sum([int(str(err)) + {self.expr(env, 0)} for _ in range(2)])")
            elif form == 15:
                # star assignment targets
                w = self.pick([n for n in mine if n != v] or [v + "s"])
                lines.append(f"{pad}{v}, *{w} = [{self.expr(env, depth - 1)}, {self.expr(env, 0)}, {self.expr(env, 0)}]")
                lines.append(f"{pad}{v} = {v} + sum([{w}[0] + {self.expr([n for n in env if n != w] + [v], 0)} for _ in {w}])")
                lines.append(f"{pad}{w} = {v}")
                if w not in env:
                    env.append(w)
                if w not in bound:
                    bound.append(w)
            elif form == 16:
                # lambdas with star parameters, nested in a comprehension
                lines.append(f"{pad}{v} = sum((lambda *qs, **kw: sum(qs) + sum(kw.values()) + {self.expr(env + [v], depth - 1)})"
                             f"({v}, {v}, z={self.expr(env + [v], 0)}) for {v} in range({self.small(env, 0)}))")
            elif form == 17:
                # a global statement in a nested function
                g = self.fresh("glob")
                lines.append(f"{pad}def {g}():")
                lines.append(f"{pad}    global G")
                lines.append(f"{pad}    G = {self.expr(env, depth - 1)}")
                lines.append(f"{pad}    return [G + {self.expr(env + ['z'], 0)} for z in range(2)]")
                lines.append(f"{pad}{v} = sum({g}()) + G")
            elif form == 18:
                # a class in a function whose methods use super() and __class__
                # (the class owns the __class__ cell and reads free variables)
                k = self.fresh("S")
                q = self.pick(NAMES)
                lines.append(f"{pad}class {k}(Base):")
                lines.append(f"{pad}    attr = {self.expr(env, depth - 1)}")
                lines.append(f"{pad}    def bias(self):")
                lines.append(f"{pad}        return super().bias() + [__class__.attr + {self.expr(env + [q], depth - 1)} for {q} in range(2)][1]")
                lines.append(f"{pad}{v} = {k}().bias()")
            else:
                # a cell deleted and bound again
                lines.append(f"{pad}{v} = {self.expr(env, depth - 1)}")
                lines.append(f"{pad}keep = [lambda: {v}]")
                lines.append(f"{pad}del {v}")
                lines.append(f"{pad}{v} = {self.expr([n for n in env if n != v], depth - 1)} + 1")
                lines.append(f"{pad}{v} = {v} + keep[0]()")
            if v not in env:
                env.append(v)
            if v not in bound:
                bound.append(v)
        lines.append(f"{pad}return {self.expr(env, depth)}")
        return lines

    def case(self, idx):
        """One case: a function, a method, or a module-level block."""
        r = self.r
        kind = r.randrange(4)
        name = f"case_{idx}"
        params = self.r.sample(NAMES, r.randint(0, 3))
        args = ", ".join(str(r.randint(0, 5)) for _ in params)
        depth = r.randint(2, 4)
        lines = []
        if kind == 3 and r.random() < 0.4:
            # a module-level class: its body reads globals, its methods own closures
            env = []
            for v in self.r.sample(NAMES, r.randint(1, 2)):
                lines.append(f"{v} = {self.expr(env, 1)}")
                env.append(v)
            q = self.pick(NAMES)
            lines.append(f"class M{idx}:")
            lines.append(f"    attr = {self.expr(env, depth - 1)}")
            lines.append(f"    vals = [{self.expr(env + [q], depth - 1)} for {q} in range(2)]")
            lines.append(f"    def meth(self, {q}):")
            lines += self.body(env + [q], depth - 1, 8, [n for n in env if n != q])
            lines.append(f"def {name}():")
            lines.append(f"    return M{idx}.attr + sum(M{idx}.vals) + M{idx}().meth({r.randint(0, 5)})")
            return lines, f"{name}()"
        if kind == 3:
            # module level: globals instead of cells
            env = []
            for v in self.r.sample(NAMES, r.randint(1, 3)):
                lines.append(f"{v} = {self.expr(env, 1)}")
                env.append(v)
            lines.append(f"def {name}():")
            lines.append(f"    return {self.expr(env, depth)}")
            return lines, f"{name}()"
        if kind == 2:
            # a method, with super() and __class__ in reach
            lines.append(f"class C{idx}(Base):")
            lines.append(f"    def {name}(self, {', '.join(params)}):" if params else f"    def {name}(self):")
            body = self.body(params, depth, 8)
            if r.random() < 0.5:
                body.insert(len(body) - 1, f"        {self.pick(NAMES)} = super().bias() + [__class__.step + {self.expr(params, 1)} for _ in range(2)][0]")
            lines += body
            lines.append(f"    step = {r.randint(1, 5)}")
            lines.append(f"def {name}():")
            lines.append(f"    return C{idx}().{name}({args})")
            return lines, f"{name}()"
        lines.append(f"def body_{idx}({', '.join(params)}):")
        lines += self.body(params, depth, 4)
        lines.append(f"def {name}():")
        lines.append(f"    return body_{idx}({args})")
        return lines, f"{name}()"


HEADER = '''# Generated by testdata/gen_closures.py (seed {seed}): nested functions, lambdas,
# comprehensions, class bodies and nonlocal; each line is a case's result or its exception.
{pool_import}from _common import Base, run

G = 0

'''

COMMON = '''# Shared by the generated closures/gen_*.py scripts (written by testdata/gen_closures.py).


class Base:
    def bias(self):
        return 7


def run(case):
    """case() or its exception as text, so that one failing case does not hide the others."""
    try:
        return case()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
'''


def script(seed):
    g = Gen(seed)
    pool = seed % POOL_EVERY == POOL_EVERY - 1
    out = [HEADER.format(seed=seed, pool_import="from multiprocessing import Pool\n" if pool else "")]
    calls = []
    for i in range(CASES):
        lines, call = g.case(i)
        out.append("\n".join(lines) + "\n\n")
        calls.append(f"case_{i}")
    out.append(f"CASES = [{', '.join(calls)}]\n\n")
    if pool:
        out.append("if __name__ == '__main__':\n")
        out.append("    for i, r in enumerate(map(run, CASES)):\n        print(i, r)\n")
        out.append("    with Pool(2) as p:\n")
        out.append("        print(p.map(run, CASES) == list(map(run, CASES)))\n")
    else:
        out.append("for i, r in enumerate(map(run, CASES)):\n    print(i, r)\n")
    return "".join(out)


def main(argv):
    """Arguments (for a wider search than the committed cases): FOLDER FIRST_SEED COUNT."""
    out, first, count = OUT, 0, SCRIPTS
    if argv:
        out, first, count = argv[0], int(argv[1]), int(argv[2])
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "_common.py"), "w", encoding="utf-8") as f:
        f.write(COMMON)
    for seed in range(first, first + count):
        with open(os.path.join(out, f"gen_{seed:02d}.py"), "w", encoding="utf-8") as f:
            f.write(script(seed))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
