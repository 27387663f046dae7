s = slice(1, 5, 2)
print(s, [0, 1, 2, 3, 4, 5][s], 'abcdef'[s], s.start, s.stop, s.step)
