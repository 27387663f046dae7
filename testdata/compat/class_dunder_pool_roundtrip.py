from multiprocessing import Pool


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, o):
        return V(self.x + o.x)

    def __eq__(self, o):
        return isinstance(o, V) and self.x == o.x

    def __hash__(self):
        return hash(self.x)

    def __lt__(self, o):
        return self.x < o.x

    def __repr__(self):
        return f'V({self.x})'


def double(v):
    return v + v


if __name__ == '__main__':
    with Pool(2) as p:
        out = p.map(double, [V(3), V(1), V(2)])
    s = set(out)
    s.add(V(4))
    print(out, out[0] == V(6), len(s), sorted(out), max(out), V(1) < V(2))
