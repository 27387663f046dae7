from collections import Counter, defaultdict, OrderedDict, namedtuple, deque
import functools
import itertools
c = Counter('abracadabra')
print(c, c.most_common(2), c['z'])
c.update(['a', 'z'])
print(c['a'], c['z'], sorted(c.elements())[:4])
dd = defaultdict(list)
for k, v in [(1, 'a'), (2, 'b'), (1, 'c')]:
    dd[k].append(v)
print(dd, dd[3], len(dd))
od = OrderedDict([('x', 1), ('y', 2)])
od.move_to_end('x')
print(od, list(od))
P = namedtuple('P', 'x y')
p = P(1, y=2)
print(p, p.x + p.y, p._asdict(), p._replace(x=5), tuple(p))
q = deque([1, 2, 3], maxlen=3)
q.append(4)
q.appendleft(0)
print(q, q.popleft(), len(q))
add3 = functools.partial(lambda a, b, c: a + b + c, 1, c=3)
print(add3(2), functools.reduce(lambda a, b: a * b, range(1, 6)))

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(40), fib.cache_info())
print(list(itertools.chain([1], (2, 3))), list(itertools.islice(itertools.count(5, 5), 3)))
print(list(itertools.product('ab', repeat=2)), list(itertools.combinations(range(4), 2))[:3])
print([(k, list(g)) for k, g in itertools.groupby('aabbbc')])
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.permutations([1, 2, 3], 2))[:4])
