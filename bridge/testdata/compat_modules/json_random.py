import json
import random
data = {'b': [1, 2.5, None, True], 'a': {'x': 'é进'}, 3: (1, 2)}
print(json.dumps(data))
print(json.dumps(data, sort_keys=False, indent=2, ensure_ascii=False))
print(json.dumps({'z': 1, 'a': [1, {}]}, sort_keys=True, separators=(',', ':')))
print(json.loads('{"a": [1, 2.5, null, true, "\\u00e9"], "b": {}}'))
try:
    json.dumps({1, 2})
except TypeError as e:
    print(e)
try:
    json.loads('{"a": }')
except ValueError as e:
    print(type(e).__name__, e)
random.seed(1)
print(random.random())
random.seed(42)
print([random.randint(1, 100) for _ in range(5)], random.choice('abcdef'), random.uniform(1, 2))
xs = list(range(10))
random.shuffle(xs)
print(xs, random.sample(range(100), 5), random.randrange(0, 100, 7))
r = random.Random(2024)
print(r.random(), r.getrandbits(70), round(r.gauss(0, 1), 9))
random.seed('text')
print(random.random())
