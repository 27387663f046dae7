def gen():
    yield 1
    yield 2
    raise ValueError("from gen")

total = 0
for i in range(5):
    total += i
print("sum", total, [x * 2 for x in range(4)], {x: x for x in "ab"}, {x for x in [1, 1]}, list(y for y in range(3)))
print([a + b for a in range(3) for b in range(2) if a != b])
print({a: b for a in range(2) for b in "xy"})
try:
    for v in gen():
        print("got", v)
    print("loop ended silently")
except ValueError as e:
    print("caught", e)
try:
    print([v for v in gen()])
except ValueError as e:
    print("comprehension caught", e)
def inner():
    out = []
    for a in range(2):
        for v in gen():
            out.append((a, v))
    return out
try:
    inner()
except ValueError as e:
    print("nested caught", e)
for x in [1, 2, 3]:
    if x == 2:
        break
else:
    print("no")
print("break ok", x)
for k in []:
    pass
else:
    print("else ok")
g = gen()
print(next(g), next(g))
try:
    next(g)
except ValueError:
    print("next raised")
for v in [5]:
    print("unrelated loop fine", v)
def outer():
    for v in gen():
        pass
outer()
