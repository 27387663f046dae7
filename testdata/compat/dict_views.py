d = {'a': 1, 'b': 2, 'c': 3}
ks, vs, its = d.keys(), d.values(), d.items()
print(len(ks), len(vs), len(its), 'a' in ks, 2 in vs, ('c', 3) in its)
print(list(ks), list(vs), list(its))
d['d'] = 4
print(list(ks), sorted(vs))
print(ks)
print(its)
