pairs = [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a')]
print(sorted(pairs), max(pairs), min(pairs), (1, 2) < (1, 3), (2,) > (1, 9))
pairs.sort(reverse=True)
print(pairs)
