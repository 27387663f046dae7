import json
results = {str(i): {'square': i * i, 'even': i % 2 == 0} for i in range(3)}
text = json.dumps(results, indent=1)
back = json.loads(text)
print(back == results)
print(text)
