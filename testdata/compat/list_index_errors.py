a = [1, 2]
try:
    a[5]
except IndexError as e:
    print('IndexError:', e)
try:
    a.remove(9)
except ValueError as e:
    print('ValueError:', e)
try:
    [].pop()
except IndexError as e:
    print('IndexError:', e)
