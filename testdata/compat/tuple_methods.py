t = (1, 2, 2, 3)
print(t.index(2), t.count(2), len(t), t[1:], t + (4,), t * 2)
