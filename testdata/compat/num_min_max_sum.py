print(min(3, 1, 2), max([4, 9]), sum([0.1] * 10), sum(range(101)), min('b', 'a'), max([], default=None), sum([[1], [2]], []))
print(min([3, 1], key=lambda x: -x), abs(-7), pow(2, 10), pow(2, 10, 1000), pow(2.0, 0.5))
