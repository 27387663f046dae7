print(list(map(str, [1, 2])), list(map(pow, [2, 3], [3, 2])), list(filter(None, [0, 1, '', 'a'])), list(zip('ab', [1, 2], (True, False))))
