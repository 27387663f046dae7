from enum import Enum, IntEnum, auto, StrEnum, unique
class P(IntEnum):
    LOW = 1
    HIGH = 2
print(str(P.HIGH), repr(P.HIGH), f"{P.HIGH}", P.HIGH == 2, P.HIGH + 1, int(P.LOW), P.LOW < P.HIGH, P(2), format(P.LOW, '03d'))
class C(Enum):
    RED = auto()
    GREEN = auto()
print(C.RED, f"{C.RED}", repr(C), str(C), C.__members__, len(C), C.RED in C, list(C.__members__))
try:
    print(C.RED in C)
except TypeError as e:
    print("TypeError", e)
try:
    C(5)
except ValueError as e:
    print("ValueError", e)
try:
    C['X']
except KeyError as e:
    print("KeyError", e)
print(hash(C.RED) == hash(C.RED), {C.RED: 1}[C.RED], C.RED == C.RED, C.RED != C.GREEN, C.RED == 1)
class S(StrEnum):
    A = auto()
    B = 'bee'
print(S.A, repr(S.A), S.B == 'bee', S.A.upper() if hasattr(S.A, 'upper') else None)
class Sh(Enum):
    SQ = 1
    SQUARE = 1
    def describe(self):
        return "shape %s" % self.name
    @classmethod
    def default(cls):
        return cls.SQ
print(Sh.SQUARE is Sh.SQ, list(Sh), Sh.SQ.describe(), Sh.default(), Sh.SQUARE.name)
print(type(C.RED), type(C), isinstance(C.RED, Enum), C.RED.__class__.__name__)
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value)
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.MERCURY.value, Planet((5.976e+24, 6.37814e6)).name)
print(sorted(Color.name for Color in C), {m.name: m.value for m in P})
