# Instances of classes defined in __main__ travel both ways, with their attributes.
from multiprocessing import Pool

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

def move(p):
    return Point(p.x + 1, p.y * 2)

def norm(p):
    return p.norm1()

if __name__ == '__main__':
    with Pool(2) as p:
        pts = p.map(move, [Point(1, 2), Point(-3, 4)])
        print([(q.x, q.y, type(q).__name__) for q in pts])
        print(p.map(norm, pts))
