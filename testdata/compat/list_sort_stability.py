data = [('b', 2), ('a', 2), ('c', 1), ('d', 1)]
print(sorted(data, key=lambda t: t[1]))
print(sorted(data))
print(min(data), max(data, key=lambda t: (t[1], t[0])))
