name, n, f = 'pool', 42, 3.14159
print('%s has %d items, pi=%.2f, r=%r' % (name, n, f, name))
print('%(a)s-%(b)05.1f|%%' % {'a': 1, 'b': 2.25})
print('%-6s|%6s|%x|%X|%o|%+d|%5.1e' % ('ab', 'cd', 255, 255, 8, 5, 12345.678))
print('{} {:>6} {:<4}| {:^7} {:08.3f} {:,} {!r} {x}'.format(1, 'r', 'l', 'c', 3.14159, 1234567, 'q', x='kw'))
print('{0[1]} {1.real} {2:{3}}'.format([5, 6], 7, 8, '>4'))
print(format(0.5, '.0%'), format(255, '#x'), format(1234.5, ',.1f'), format('s', '^5'))
print(round(2.5), round(3.5), round(-0.5), round(1.25, 1), round(1234, -2), round(2.675, 2))
print(str(1e16), repr(1234567.5), 1e-5, -0.0, float('inf'), (1,), [1.5, (2.0,)], {1.0: 'x'})
