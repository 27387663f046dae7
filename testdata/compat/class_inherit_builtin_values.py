class Stack(list):
    def __init__(self, name, items=()):
        super().__init__(items)
        self.name = name
    def push(self, x):
        self.append(x)
    def __repr__(self):
        return f'Stack({self.name}, {list(self)})'
s = Stack('a', [1, 2])
s.push(3)
s += [4]
print(s, len(s), s[0], s[-1], s[1:3], 3 in s, sorted(s, reverse=True), s == [1, 2, 3, 4], s + [5], [0] + s, bool(Stack('e')), s.count(1), s.index(2))
s.sort(reverse=True); s.reverse(); s[0] = 9; del s[1]
print(s, list(reversed(s)), isinstance(s, list), type(s).__name__, s.name, sum(s), max(s))
class L(list):
    pass
l = L('abc')
print(l, L(), l * 2, type(l).__name__, l.copy(), str(l))
class Name(str):
    def shout(self):
        return self.upper() + '!'
n = Name('bob')
print(n, repr(n), n.shout(), n + 'x', len(n), n == 'bob', 'o' in n, n.startswith('b'), isinstance(n, str), {n: 1}.get('bob'), {'bob': 2}[n], hash(n) == hash('bob'), n < 'c', '-'.join([n, n]), f'{n}', '%s' % n)
class Meters(float):
    def __repr__(self):
        return f'{float(self)}m'
m = Meters(2.5)
print(m, m + 1, m * 2, m > 2, int(m), round(m), Meters(3) == 3.0, abs(Meters(-1)), -m, [m])
class Level(int):
    @property
    def double(self):
        return self * 2
lv = Level(3)
print(lv, lv + 1, lv.double, lv == 3, lv < 4, [10, 20, 30, 40][lv], range(lv), str(lv), lv.bit_length(), hex(lv) if False else '', isinstance(lv, int), divmod(lv, 2), lv // 2, lv % 2, 2 ** lv, -lv)
class Pair(tuple):
    def first(self):
        return self[0]
p = Pair((1, 2))
print(p, p.first(), len(p), p == (1, 2), p + (3,), isinstance(p, tuple), hash(p) == hash((1, 2)), list(p), p.count(1))
