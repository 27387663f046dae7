d = {}
for k in ['zeta', 'alpha', 'mid', 'beta']:
    d[k] = len(k)
print(d, list(d), list(d.values()))
del d['alpha']
d['alpha'] = 0
print(d)
