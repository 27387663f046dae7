from dataclasses import dataclass, field, asdict, astuple, replace, fields, is_dataclass, FrozenInstanceError
@dataclass
class Point:
    x: int
    y: int = 0
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)
@dataclass
class Job:
    name: str
    deps: list = field(default_factory=list)
    where: Point = field(default_factory=lambda: Point(0), repr=False)
    def __post_init__(self):
        self.key = self.name.upper()
p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p != Point(2, 1), asdict(p), astuple(p))
v1, v2 = Version(1, 2), Version(1, 10, "beta")
print(v1 < v2, sorted([v2, v1]), v1 == Version(1, 2, "x"), hash(v1) == hash(Version(1, 2)))
try:
    v1.major = 3
except FrozenInstanceError as e:
    print("frozen:", e)
j = Job("build", ["a"])
print(j, j.key, asdict(j), [f.name for f in fields(Job)], is_dataclass(j), is_dataclass(Point))
print(replace(p, y=5), {Version(1): "one"}[Version(1)])
try:
    Point()
except TypeError as e:
    print(e)
try:
    hash(p)
except TypeError as e:
    print(e)
@dataclass
class P3(Point):
    z: int = 9
print(P3(1, 2, 3), P3(4))
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print(e)
