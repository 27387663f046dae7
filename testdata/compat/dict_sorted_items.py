counts = {'pear': 3, 'apple': 7, 'fig': 1}
for k, v in sorted(counts.items()):
    print(k, v)
print(sorted(counts.items(), key=lambda kv: kv[1], reverse=True))
print(sorted(counts, key=counts.get), max(counts, key=counts.get))
