a = b = c = 0
b += 1
x, y = 1, 2
x, y = y, x
(p, q), r = (3, 4), 5
print(a, b, c, x, y, p, q, r)
