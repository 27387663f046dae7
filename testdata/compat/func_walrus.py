data = [1, 5, 12, 3, 20]
if (n := len(data)) > 3:
    print('long list', n)
print([y for x in data if (y := x * 2) > 10])
lines = iter(['a', 'b', ''])
while (line := next(lines)):
    print('line', line)
print(y, n)
