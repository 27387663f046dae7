def cmp(a, b):
    return (a > b) - (a < b)
x, y = 3, 5
print(cmp(1, 2), cmp(2, 2), cmp(3, 2), True + True, True - False, True & False, True | False, True ^ True, (x > 1) + (y > 1), (x == 3) * (y != 5), True ** False, (x < y) // True)
print(True + 1, (x > 1) + 1, 1 + (x > 1))
def f():
    return (x.real > 1) + (y.imag == 0)
print(f())
