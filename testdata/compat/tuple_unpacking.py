a, (b, c), d = 1, (2, 3), 4
print(a, b, c, d)
for k, v in [('x', 1), ('y', 2)]:
    print(k, v)
h, *t = (1, 2, 3)
print(h, t)
a, b = b, a
print(a, b)
