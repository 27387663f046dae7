s = slice(1, 5, 2)
print(repr(s), str(slice(3)), [slice(None, -1)], slice('a', 2.5))
for sl in [slice(None, None, -1), slice(-3, None), slice(1, 100, 3), slice(5, 1, -2), slice(None)]:
    print(sl.indices(10), sl.indices(0))
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print(e)
try:
    slice(1, 2).indices(-1)
except ValueError as e:
    print(e)
try:
    slice('a', 2).indices(3)
except TypeError as e:
    print(e)
print(s == slice(1, 5, 2), s.start, s.stop, s.step)
