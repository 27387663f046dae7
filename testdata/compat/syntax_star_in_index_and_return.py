def stats(xs):
    return min(xs), max(xs), sum(xs) / len(xs)
lo, hi, avg = stats([1, 2, 3, 4])
print(lo, hi, avg)
def pack(*a):
    return (*a, 'end')
print(pack(1, 2))
