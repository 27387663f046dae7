def multiplier(k):
    def mul(x):
        return x * k
    return mul
fs = [multiplier(k) for k in range(4)]
print([f(10) for f in fs])
adders = [lambda x, k=k: x + k for k in range(3)]
print([a(100) for a in adders])
