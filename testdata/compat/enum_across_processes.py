from enum import Enum, IntEnum
from concurrent.futures import ProcessPoolExecutor
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
def f(c):
    return c is Color.RED, c.name, [m.name for m in Color], Color(3) is Color.BLUE, Color.CRIMSON is Color.RED
if __name__ == '__main__':
    with ProcessPoolExecutor(2) as ex:
        print(list(ex.map(f, [Color.RED, Color.GREEN])))
        print(ex.submit(Color, 2).result() is Color.GREEN)
