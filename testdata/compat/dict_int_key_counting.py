hist = {}
for x in [3, 1, 3, 2, 3, 1]:
    hist[x] = hist.get(x, 0) + 1
print(hist)
print(sorted(hist.items(), key=lambda kv: -kv[1]))
