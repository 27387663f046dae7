import io
with io.StringIO('a') as f, io.StringIO('b') as g:
    print(f.read(), g.read())
print(f.closed, g.closed)
