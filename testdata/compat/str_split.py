s = 'a,b,,c'
print(s.split(','), s.split(',', 1), s.rsplit(',', 1))
print('  many   spaces here '.split(), 'x'.split(','), ''.split())
print('a b c'.split(None, 1), 'k=v=w'.partition('='), 'k=v=w'.rpartition('='))
