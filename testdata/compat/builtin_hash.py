print(hash(1) == hash(1.0) == hash(True), hash((1, 2)) == hash((1, 2)), hash('a') == hash('a'), isinstance(hash('x'), int))
try:
    hash([1])
except TypeError as e:
    print('TypeError:', e)
