def t(expr):
    try:
        print(expr, '->', repr(eval(expr)))
    except Exception as e:
        print(expr, '!!', type(e).__name__, e)
b = b'hello world'
ba = bytearray(b'abc')
for e in ["b[0]", "b[-1]", "b[11]", "b['x']", "b[1:4]", "b[::-1]", "b[::2]", "b * 2", "2 * b", "b * -1", "b + b'!'", "b + bytearray(b'!')", "b + 'x'", "b'lo' in b", "111 in b", "300 in b", "'x' in b", "list(b'ab')", "len(b)", "bool(b'')", "b == b'hello world'", "b == bytearray(b)", "b < b'z'", "b'a' <= b'a'", "b == 'hello world'",
          "hash(b'ab') == hash('ab'.encode())", "{b'ab': 1}['ab'.encode()]", "{b'ab': 1}.get(bytes([97, 98]))", "b'ab' in {b'ab'}", "sorted([b'b', b'a', b'c'])", "max(b'azb')", "ord(b'a')", "int(b'12')", "float(b'1.5')", "str(b'hi', 'utf-8')", "str(b'hi')", "'%s' % b'x'", "f'{b}'", "'{}'.format(b'x')", "repr(b)",
          "type(b'')", "type(b'') is bytes", "isinstance(b'x', bytes)", "bytes(3)", "bytes('é', 'utf-8')", "bytes('x')", "bytes([1, 300])", "bytes(['a'])", "bytes(1.5)", "bytes(b)", "bytes(ba)", "bytes(range(3))", "bytes()", "b'a,b'.split(b',')", "b','.join([b'a', b'b'])", "b','.join([b'a', 'b'])", "b'abc'.startswith((b'x', b'a'))", "b'abc'.startswith((b'x', b'y'))", "b' x '.strip()", "b'xyz'.upper()[0]", "'é'.encode()[0]", "'abc'.encode('ascii')[1:]", "(1024).to_bytes(2, 'big')[0]", "int.from_bytes(b'\\x04\\x00', 'big')", "b'hi'.decode()", "b.hex()", "bytes.fromhex('6869')[1]", "b'abc'.find(b'c')", "b'abc'.replace(b'b', b'B')[1]", "b'a\\nb'.split()", "bytes.upper(b'x')",
          "ba", "ba[0]", "ba[1:]", "len(ba)", "ba + b'd'", "b'd' + ba", "ba * 2", "ba == b'abc'", "bytearray(3)", "bytearray('hi', 'utf-8')", "bytearray([1,2])", "bytearray(b'x').upper()", "bytearray(b'a b').split()", "bytearray(b'abc').decode()", "hash(ba)", "bytearray(b'ab').hex()", "list(bytearray(b'ab'))", "bytearray(b'abc')[::-1]", "str(bytearray(b'q'))", "type(ba)", "isinstance(ba, bytearray)", "b'b' in ba", "98 in ba"]:
    t(e)
x = bytearray(b'hello')
x[0] = 72
x[1:3] = b'EY'
x.append(33)
x.extend([63, 63])
x.extend(b'..')
x += b'!'
del x[0]
x.insert(0, 104)
print(x, x.pop(), x.pop(0), x)
x.remove(63)
print(x)
try:
    x[0] = 256
except ValueError as e:
    print('ValueError', e)
try:
    x[100] = 1
except IndexError as e:
    print('IndexError', e)
x[::2] = b'\x00' * len(x[::2])
print(x)
del x[::2]
print(x)
x.reverse(); print(x, x.copy() == x, x.copy() is x)
x.clear(); print(x, len(x))
for c in b'ab':
    print(c)
with open('/tmp/pypool_builtins_test_bin.dat', 'wb') as f:
    f.write(b'\x00\x01abc')
with open('/tmp/pypool_builtins_test_bin.dat', 'rb') as f:
    data = f.read()
print(data, data[2], data[2:])
print(eval(b'1+1'), compile(b'x=1', 's', 'exec') is not None)
