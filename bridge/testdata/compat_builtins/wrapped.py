def t(expr):
    try:
        print(expr, '->', repr(eval(expr)))
    except Exception as e:
        print(expr, '!!', type(e).__name__, e)


exprs = """sum([1, 2], start=10)
sum([1], begin=2)
sum([[1], [2]], [])
list(iter([1, 2, 3].pop, 1))
list(iter(iter('abc').__next__, 'c'))
iter(5, 1)
abs(True)
abs(-2.5)
pow(0, -1)
pow(0.0, -2.5)
pow(-8, 2.0)
pow(2, -1)
pow(1+2j, 2)
pow(1+1j, -3)
range(1, 10, 2).index(5)
range(10, 0, -3).index(4)
range(10, 0, -3).index(5)
range(5).index('a')
range(5).count(2)
range(5).count(2.0)
float.fromhex('0x1.8p1')
float.fromhex('-0X1P-2')
float.fromhex('ff')
float.fromhex(' inf ')
float.fromhex('0x1p2000')
float.fromhex('xyz')
divmod(5, 0)
divmod(5.0, 0)
divmod(-7, 2)
next(5)
next(iter([]), 'dflt')
next(x for x in [9])""".splitlines()
for e in exprs:
    t(e)


def gen():
    yield 1
    raise KeyError('from the callable')


g = gen()
try:
    for v in iter(lambda: next(g), None):
        print('got', v)
except KeyError as e:
    print('KeyError', e)
