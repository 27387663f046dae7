class Temp:
    scale = 'C'

    def __init__(self, deg):
        self.deg = deg

    @classmethod
    def from_f(cls, f):
        return cls(round((f - 32) * 5 / 9, 1))

    @staticmethod
    def valid(d):
        return d > -273.15

t = Temp.from_f(212)
print(t.deg, type(t).__name__, Temp.valid(-300), t.valid(0), Temp.from_f(32).deg)
