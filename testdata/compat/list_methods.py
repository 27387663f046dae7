a = [3, 1, 2]
a.append(4); a.extend([5, 6]); a.insert(0, 0)
print(a, a.index(2), a.count(1))
a.remove(1); print(a, a.pop(), a.pop(0), a)
a.reverse(); print(a)
b = a.copy(); b.clear(); print(a, b)
