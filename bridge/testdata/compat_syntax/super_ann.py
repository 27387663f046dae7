class Base:
    def __init__(self, x):
        self.x = x

    def describe(self):
        return 'base %d' % self.x


class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y

    def describe(self):
        return super().describe() + ' child %d' % self.y


c = Child(1, 2)
print(c.describe())

count: int = 0
names: list[str] = []
table: dict[int, bool] = {}
flag: bool
count += 1
print(count, names, table)

def typed(x: int, y: 'str' = 'a', *rest: int, **kw: dict[str, int]) -> tuple[str, dict]:
    total: float = 0.5
    return (y * x, {'total': total})

print(typed(2))

class Point:
    x: int
    y: int = 0

print(Point.y, Point.__annotations__)
