print(list(zip([1, 2, 3], 'ab')), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print('ValueError:', e)
