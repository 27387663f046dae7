print('%(name)s scored %(score).1f' % {'name': 'Bo', 'score': 9.25})
print('%(a)r' % {'a': 'x'})
