from collections import Counter
c = Counter('abracadabra')
print(c.most_common(3), c['a'], c['z'], sum(c.values()), len(c))
words = Counter(['x', 'y', 'x'])
words.update(['y', 'y', 'z'])
print(words, sorted(words.elements()))
