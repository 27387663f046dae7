nothing = None
tests = [
    lambda: 1 + 'a', lambda: 'a' + 1, lambda: nothing(), lambda: [].nope, lambda: undefined_name,
    lambda: int('x1'), lambda: {}['k'], lambda: [1][3], lambda: 1 / 0, lambda: 1 % 0, lambda: float('abc'),
    lambda: (1, 2)[5], lambda: 'abc'.index('z'), lambda: len(5), lambda: abs('x'), lambda: [1, 2].remove(3),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(f'{type(e).__name__}: {e}')
