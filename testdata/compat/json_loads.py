import json
obj = json.loads('{"a": [1, 2.5, null, true], "b": {"c": "d"}, "e": 1e3}')
print(obj, type(obj['e']).__name__, obj['b']['c'])
print(json.loads('[1, "two"]'), json.loads('"s"'), json.loads('3'))
try:
    json.loads('{bad json}')
except json.JSONDecodeError as e:
    print('JSONDecodeError:', e)
