import json
print(b'abc'.startswith(b'b', 1), b'abc'.endswith((b'q', b'bc'), 0, 3), b'abc'.startswith(b'a', 2, 1), b'abc'.endswith(b'', 5))
print(bytearray(b',').join([b'a', bytearray(b'b')]), b','.join([bytearray(b'x'), b'y']))
print(json.loads(b'[1, 2]'), json.loads(bytearray(b'{"a": 1}')))
