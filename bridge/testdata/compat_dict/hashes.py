print(hash(1), hash(-1), hash(0), hash(True), hash(1.0), hash(1.5), hash(-2.25), hash(1e100))
print(hash(2**61), hash(2**64 + 3), hash(-(2**70)))
print(hash((1, 2)), hash(()), hash((1, (2.5, None is None))), hash(((),)))
print(hash(frozenset([1, 2, 3])), hash(frozenset()))
print(hash(float('inf')), hash(float('-inf')))
try:
    hash([1])
except TypeError as e:
    print(e)
try:
    hash((1, [2]))
except TypeError as e:
    print(e)
