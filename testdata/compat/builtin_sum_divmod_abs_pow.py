print(sum([1, 2], 10), sum((0.5, 0.25)), divmod(7.5, 2), abs(-3 + 4j), pow(3, -1, 7), round(-2.5), sum(i for i in range(5)))
