d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0), d.setdefault('c', 3), d.setdefault('a', 9))
print(d.pop('b'), d.pop('zz', 'none'), d)
d.update({'x': 10}, y=20); d.update([('z', 30)]); print(d)
e = d.copy(); e.clear(); print(e, d.popitem(), d)
print(dict.fromkeys(['p', 'q'], 0), dict.fromkeys('ab'))
