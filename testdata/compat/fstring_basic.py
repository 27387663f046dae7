name = 'pool'
n = 3
print(f'{name} has {n} workers')
print(f'{n + 1} {n * 2} {name.upper()} {len(name)}')
