from enum import Enum, IntEnum
class C(Enum):
    R = 1
    G = 2
class N(IntEnum):
    ONE = 1
print(list(C), C(2), C['R'], len(C), C.R in C, repr(C), C.G.name, C.G.value)
print(N.ONE + 1, repr(N.ONE))
