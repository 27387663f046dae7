x = 2 ** 100
print(x, x * x, -x // 3, x % 97, len(str(3 ** 200)), 10 ** 20 + 1)
print(int('9' * 30) + 1)
