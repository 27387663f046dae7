print({'a': 1, 'b': 2} == {'b': 2, 'a': 1}, dict(a=1) == {'a': 1}, dict([(1, 2)]), dict({3: 4}), dict(zip([1, 2], 'ab')))
print({1: 'a'} != {1: 'b'}, len({}), bool({}), bool({0: 0}))
