import io
buf = io.StringIO()
buf.write('line1\n')
print('line2', file=buf)
print(repr(buf.getvalue()))
r = io.StringIO('a\nb\nc')
print(r.readline(), r.readlines(), list(io.StringIO('x\ny')))
