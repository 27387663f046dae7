print('{} + {} = {}'.format(1, 2, 3))
print('{1} {0} {1}'.format('a', 'b'))
print('{0:>5}|{1:<5}|'.format('x', 'y'))
