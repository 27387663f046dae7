s = {1, 2}
try:
    for k in s:
        s.add(k + 10)
except RuntimeError as e:
    print('RuntimeError:', e)
d = {1: 'a', 2: 'b'}
try:
    for k, v in d.items():
        del d[k]
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    [k for k in d if d.setdefault(k + 100, 0) is None]
except RuntimeError as e:
    print('RuntimeError:', e)
