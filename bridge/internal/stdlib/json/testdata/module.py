import json
print(json.dumps({"b": [1, 2.5, None, True], "a": "é"}, indent=2, sort_keys=True))
print(json.loads('{"x": [1, 2.0, "s", null]}'))
try:
    json.loads('{"x": }')
except ValueError as e:
    print(type(e).__module__, type(e).__name__, e)
