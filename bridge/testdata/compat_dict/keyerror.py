d = dict([(1, 'a')])
try:
    d[2]
except KeyError as e:
    print('KeyError', repr(e), str(e))
try:
    d.pop(('x', 1))
except KeyError as e:
    print(repr(e))
try:
    dict().popitem()
except KeyError as e:
    print(repr(e))
try:
    d[[1]] = 2
except TypeError as e:
    print(e)
d['s'] = 1
print(d['missing'])
