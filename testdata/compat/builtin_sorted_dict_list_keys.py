d = {3: 'c', 1: 'a', 2: 'b'}
print(sorted(d), sorted(d.values()), sorted(d.items(), reverse=True), list(sorted(d.keys())))
