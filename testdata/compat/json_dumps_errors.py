import json
try:
    json.dumps({'s': {1, 2}})
except TypeError as e:
    print('TypeError:', e)
print(json.dumps({'v': 1}, default=str), json.dumps(float('inf')))
