data = [1, 'two', 3.0, None, True, (4, [5, {'six': 6}]), {7: (8,)}, {9}, frozenset(), b'x', [], ()]
print(data)
print(repr(data) == str(data))
print(str('s'), repr('s'), str(['s']))
