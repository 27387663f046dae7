values = [3, 2, 1, 0, 5]
pos = [0]
def read():
    v = values[pos[0]]
    pos[0] += 1
    return v
print(list(iter(read, 0)))
it = iter([1, 2])
print(next(it), list(it))
