import json
d = {'name': '进程', 'v': 'é'}
print(json.dumps(d))
print(json.dumps(d, ensure_ascii=False))
print(json.dumps([1, 2, {'a': 1}], separators=(',', ':')))
