import json
data = {'zeta': [1, {'y': 2, 'x': 1}], 'alpha': {}, 'mid': []}
print(json.dumps(data, indent=2))
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, indent=4, sort_keys=True))
