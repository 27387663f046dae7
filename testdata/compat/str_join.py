print(', '.join(['a', 'b', 'c']))
print(''.join(str(i) for i in range(5)))
print('-'.join('xyz'))
print(' '.join(map(str, [1.5, 2, None])))
try:
    ','.join([1, 2])
except TypeError as e:
    print('TypeError:', e)
