class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    def __repr__(self):
        return f'V({self.x}, {self.y})'
print(V(1, 2) + V(3, 4), V(1, 1) * 3)
