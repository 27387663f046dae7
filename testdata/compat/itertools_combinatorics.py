import itertools
print(list(itertools.permutations([1, 2, 3], 2)))
print(list(itertools.combinations('abcd', 2)))
print(list(itertools.combinations_with_replacement([1, 2], 2)))
