import itertools
import operator
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], operator.mul)))
print(list(itertools.zip_longest('ab', [1, 2, 3], fillvalue='-')), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.compress('abc', [1, 0, 1])))
print(list(itertools.pairwise([1, 2, 3])), list(itertools.filterfalse(None, [0, 1, 0, 2])))
