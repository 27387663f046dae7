def f(data):
    if (n := len(data)) > 2:
        print('n', n)
    while (k := data.pop()) > 1:
        print('k', k)
    return n, k
print(f([1, 2, 3, 4]))
def g():
    total = 0
    def inner():
        nonlocal total
        return (total := total + 5)
    inner(); inner()
    return total
print(g())
class C:
    x = (y := 3) + 1
print(C.x, C.y)
print(f"{(z := 7)} {z}")
