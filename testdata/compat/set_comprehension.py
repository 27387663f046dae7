print({x % 3 for x in range(10)})
print(sorted({w[0] for w in ['apple', 'avocado', 'banana']}))
print(set('aab') == {'a', 'b'}, len(set([1, 1, 2])))
