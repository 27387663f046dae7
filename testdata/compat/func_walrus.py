data = [1, 5, 12, 3, 20]
if (n := len(data)) > 3:
    print('long list', n)
print([y for x in data if (y := x * 2) > 10])
import io
buf = io.StringIO('a\nb\n')
while (line := buf.readline()):
    print('line', line.strip())
