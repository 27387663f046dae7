seen = set()
for p in [(0, 1), (1, 0), (0, 1)]:
    seen.add(p)
print(len(seen), (1, 0) in seen, sorted(seen))
print({(1, 2), (1, 2)})
