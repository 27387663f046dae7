def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("caught:", e)
print("deep ok", (lambda f: f(f, 900))(lambda s, n: n if n == 0 else s(s, n - 1)))
