ba = bytearray(b'hello world')
m = memoryview(ba)
print(len(m), m[0], bytes(m[:5]), m[::2].tobytes(), m[-1], m.readonly, m.nbytes, m.format, m.itemsize, m.ndim, m.shape)
m[0] = 72
m[6:11] = b'WORLD'
print(ba, m.tolist()[:3], m.hex()[:6], m == b'Hello WORLD', m == ba, list(m[1:3]))
sub = m[6:]
sub[0] = 119
print(ba, sub.tobytes(), sub.obj is ba)
r = memoryview(b'abc')
print(r.readonly, r[1], bytes(r[::-1]), b'b' in bytes(r))
try:
    r[0] = 1
except TypeError as e:
    print('TypeError', e)
try:
    m[0] = 300
except ValueError as e:
    print('ValueError', e)
try:
    m[100]
except IndexError as e:
    print('IndexError', e)
try:
    m[0:2] = b'xyz'
except ValueError as e:
    print('ValueError', e)
with memoryview(b'xy') as v:
    print(v.tobytes())
print(v.released if hasattr(v, 'released') else '')
try:
    v.tobytes()
except ValueError as e:
    print('ValueError', e)
try:
    memoryview('str')
except TypeError as e:
    print('TypeError', e)
print(bytearray(memoryview(b'q')), b'%s' % memoryview(b'z') if False else '', b'abc'.find(memoryview(b'c')))
