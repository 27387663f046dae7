r = range(0, 10, 3)
print(r, list(r), len(r), 6 in r, 7 in r, r[1], r[-1], list(range(5, 0, -2)), range(3) == range(0, 3), list(r[1:]))
