s = '进程 pool'
b = s.encode('utf-8')
print(b, len(b), len(s))
print(b.decode('utf-8') == s, 'abc'.encode(), b'caf\xc3\xa9'.decode())
print('é'.encode('latin-1'), 'x'.encode('ascii'))
