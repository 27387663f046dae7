d = {'a': 1, 'b': [1, 2, 3]}
items = ['x', 'y']
print(f"{d['a']} {d['b'][-1]} {'yes' if d['a'] else 'no'} {', '.join(items)}")
print(f'{sum(x * x for x in range(4))} {max(d, key=len)}')
