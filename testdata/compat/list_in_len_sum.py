a = [4, 8, 15, 16, 23, 42]
print(len(a), sum(a), 15 in a, 7 not in a, min(a), max(a), sum(a) / len(a))
