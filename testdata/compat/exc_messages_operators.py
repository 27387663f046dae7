# The wording of errors raised by operators and builtins, as CPython words them.
tests = [
    lambda: 'abc'[5], lambda: (1,)[3], lambda: [1][3], lambda: range(3)[5],
    lambda: 1 % 0, lambda: 1 // 0, lambda: 1 / 0, lambda: 1.0 % 0, lambda: 1.0 / 0,
    lambda: divmod(1, 0), lambda: divmod(1.0, 0), lambda: 1 % 0.0,
    lambda: -'a', lambda: +'a', lambda: ~'a', lambda: abs('a'),
    lambda: [1] + 1, lambda: (1,) + 1, lambda: 'a' + 1, lambda: 'a' + None, lambda: 1 + 'a',
    lambda: 'a' * 'b', lambda: [1] * 1.5, lambda: 2.5 * 'x',
    lambda: int('x'), lambda: int("it's"), lambda: float('x'), lambda: float([]), lambda: int([]),
    lambda: [].pop(), lambda: [1].index(5), lambda: 'a'.index('z'),
    lambda: len(5), lambda: 1 < 'a', lambda: [1] >= 'a', lambda: int('12', 50),
    lambda: {}.x, lambda: [][0], lambda: ''[0], lambda: ()[0], lambda: None.x, lambda: len.x,
]
for t in tests:
    try:
        t()
        print('no error')
    except Exception as e:
        print(f'{type(e).__name__}: {e} {e.args!r}')
