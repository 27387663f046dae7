from collections import defaultdict
groups = defaultdict(list)
for word in ['apple', 'bob', 'avocado', 'cat']:
    groups[word[0]].append(word)
print(dict(groups), groups['zz'], len(groups))
counts = defaultdict(int)
for x in [1, 2, 1]:
    counts[x] += 1
print(counts)
