class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
def where(p):
    match p:
        case Point(x=0, y=0):
            return 'origin'
        case Point(0, y):
            return f'y-axis {y}'
        case Point(x, 0) if x > 10:
            return f'far x {x}'
        case Point() as pt:
            return f'point {pt.x},{pt.y}'
        case [1, *rest] | (2, *rest):
            return f'rest {rest}'
        case [a, b, *_, z]:
            return f'long {a} {b} {z}'
        case {'kind': 'circle', 'r': r, **others}:
            return f'circle {r} {others}'
        case 'a' | 'b':
            return 'letter'
        case -1 | 3.5:
            return 'num'
        case None:
            return 'none'
        case str(s):
            return 'str ' + s
        case _:
            return 'other'
for v in [Point(0, 0), Point(0, 5), Point(20, 0), Point(3, 0), [1, 2, 3], (2,), [5, 6, 7, 8],
          {'kind': 'circle', 'r': 2, 'c': 'red'}, 'a', -1, 3.5, None, 'zz', 42]:
    print(where(v))
x = 7
match x:
    case 1:
        print('one')
    case other:
        print('other', other)
print(other)
