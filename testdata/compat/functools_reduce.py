import functools
import operator
print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, range(1, 6), 1), functools.reduce(max, [3, 9, 2]))
print(functools.reduce(lambda acc, w: acc + len(w), ['ab', 'c'], 0))
