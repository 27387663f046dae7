# Comprehensions nested in comprehensions inside functions: the inner one reads
# the outer one's variable (a cell) and the function's (a free variable).
def f(i, j):
    return i * 100 + j

def lists(n):
    return [list(i * 10 + j for j in range(n)) for i in range(n)]

def sums(n):
    return [sum(f(i, j) for j in range(n)) for i in range(n)]

def dicts(n, k):
    return {i: {j: i * k + j for j in range(n)} for i in range(n)}

def lambdas(n):
    fs = [lambda x, i=i: [x + i + j + n for j in range(2)] for i in range(n)]
    return [g(100) for g in fs]

print(lists(3))
print(sums(3))
print(dicts(2, 7))
print(lambdas(3))
