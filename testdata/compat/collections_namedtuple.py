from collections import namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x + p.y, p[0], p._asdict(), p._replace(x=9), Point._fields, tuple(p))
Rec = namedtuple('Rec', 'id name score', defaults=[0.0])
print(Rec(1, 'a'), Rec._make([2, 'b', 3.5]))
x, y = p
print(x, y, p == (1, 2), isinstance(p, tuple))
