print({1, 2, 3}, {10, 20}, set([5]), {0})
print(sorted({3, 1, 2}, reverse=True))
