print('%s %d %5.2f %r %-5s| %x %o %e %%' % ('s', 42, 3.14159, 'q', 'ab', 255, 8, 12345.678))
print('%05d|%+d|%.3s|%c' % (42, 7, 'abcdef', 65))
print('%s' % [1, 2])
print('%s and %s' % (None, (1,)))
