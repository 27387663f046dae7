b = b'hello world'
print(b[0], b[:5], b.upper(), b.split(), b.replace(b'o', b'0'), b.hex(), bytes.fromhex('6869'), bytes([65, 66]), b'x' * 3, len(b), b'ell' in b, list(b'ab'))
