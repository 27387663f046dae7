big = 2**70
names = sorted(n for n in dir(int) if not n.startswith("__") and n != "from_bytes")
print(names)
for n in names:
    for v in (big, True, -big):
        try:
            a = getattr(v, n)
            r = a() if callable(a) else a
            print(n, repr(r))
        except Exception as e:
            print(n, type(e).__name__, e)
print(big.to_bytes(9, 'big'), int.from_bytes(big.to_bytes(9, 'little'), 'little') == big)
print(True.to_bytes(1, 'big'), (-big).to_bytes(10, 'big', signed=True))
