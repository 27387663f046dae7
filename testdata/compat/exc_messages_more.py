# More error wordings of builtins and operators, as CPython words them.
five, half, nothing = 5, 1.5, None
tests = [lambda: {}.pop('x'), lambda: 'a'.join([1]), lambda: sorted([1, 'a']), lambda: hash([]), lambda: max([]), lambda: iter(5), lambda: five(), lambda: 'abc'.split(''), lambda: chr(-1), lambda: ord('ab'),
 lambda: [1,2].index(9), lambda: 'x' - 1, lambda: {}[[1]], lambda: list(5), lambda: dict(5), lambda: set(5), lambda: 'a' < 1, lambda: [] < 1, lambda: round('x'), lambda: sum(['a']), lambda: '%d' % 'x',
 lambda: 'abc'[half], lambda: [1][nothing], lambda: {}.get(), lambda: int(None), lambda: float(None), lambda: [1].pop(5), lambda: ().index(1), lambda: next(5), lambda: len(), lambda: divmod(1, 'a'), lambda: 2 ** 'a', lambda: '{}'.format(), lambda: 'abc'.center(), lambda: range('a'), lambda: zip(5), lambda: None + 1, lambda: undefined_x]
for t in tests:
    try:
        t()
        print('no error')
    except Exception as e:
        print(f'{type(e).__name__}: {e}')
