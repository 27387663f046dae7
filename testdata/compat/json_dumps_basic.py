import json
print(json.dumps({'a': 1, 'b': [1, 2.5, None, True, False], 'c': 'text'}))
print(json.dumps([1, 'x']), json.dumps('q"uote'), json.dumps(None), json.dumps(3.0), json.dumps({1: 2, 3.5: 'f', None: 0, True: 1}))
print(json.dumps((1, 2)))
