import io
buf = io.StringIO('a\nb\n')
print(list(iter(buf.readline, '')))
it = iter([1, 2])
print(next(it), list(it))
