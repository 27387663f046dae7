def gen():
    yield 1
    yield 2
    raise ValueError('generator failed')
got = []
try:
    for x in gen():
        got.append(x)
    print('loop ended silently')
except ValueError as e:
    print('caught', e)
print(got)
