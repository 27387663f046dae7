s = set()
s.add(3); s.add(1); s.add(3)
print(s, len(s), 1 in s)
s.update([5, 7], (9,)); print(sorted(s))
s.discard(100); s.remove(5); print(sorted(s))
try:
    s.remove(42)
except KeyError as e:
    print('KeyError', e)
c = s.copy(); c.clear(); print(c, s.issubset({1, 3, 7, 9, 11}), s.issuperset({1}))
