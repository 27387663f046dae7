print(list(reversed([1, 2, 3])), list(reversed(range(4))), list(reversed('ab')), list(reversed((1, 2))), list(enumerate('xy', 10)))
