import itertools
data = sorted(['apple', 'avocado', 'banana', 'blueberry', 'cherry'], key=lambda w: w[0])
for k, g in itertools.groupby(data, key=lambda w: w[0]):
    print(k, list(g))
print([(k, len(list(g))) for k, g in itertools.groupby('aaabccdd')])
