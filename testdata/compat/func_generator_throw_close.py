def g1():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("handled", e)
        yield "recovered"
    yield "after"
g = g1()
print(next(g))
print(g.throw(ValueError("v")))
print(next(g))
print(list(g))

def g2():
    try:
        yield 1
    finally:
        print("cleanup")
g = g2(); next(g); g.close(); print("closed")
g.close()
print(list(g))

def g3():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = g3(); next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError", e)

def g4():
    yield 1
g = g4()
try:
    g.throw(KeyError("early"))
except KeyError as e:
    print("early", repr(e))
print(list(g))

def inner():
    try:
        yield "i1"
    except ValueError:
        yield "inner caught"
def outer():
    r = yield from inner()
    yield "outer done"
g = outer(); print(next(g)); print(g.throw(ValueError)); print(next(g))

def g5():
    with open("/dev/null") as f:
        yield 1
    print("unreached")
g = g5(); next(g)
try:
    g.throw(TypeError, "tt")
except TypeError as e:
    print("TypeError", e)

def g6():
    x = 0
    while True:
        try:
            x = yield x
        except ZeroDivisionError:
            x = -1
g = g6(); next(g); print(g.send(5), g.throw(ZeroDivisionError), g.send(3))
import traceback
def g7():
    yield 1
g = g7(); next(g)
try:
    g.throw(ValueError("tb"))
except ValueError:
    traceback.print_exc()
