fs = frozenset('abca')
print(len(fs), sorted(fs), frozenset() == frozenset([]))
ba = bytearray(b'abc')
ba[0] = 65
ba.append(100)
print(ba, bytes(ba), len(ba), bytearray(3), ba.decode())
