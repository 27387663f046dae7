class P:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return isinstance(o, P) and o.x == self.x
class Q(P):
    pass
class H(P):
    def __hash__(self): return 7
print(P(1) == P(1), P(1) != P(1), P(1) != P(2), P(1) == 1, Q(1) == P(1), P(1) in [P(1)], [P(1)].count(P(1)), [P(2)].index(P(2)))
try:
    hash(P(1))
except TypeError as e:
    print('TypeError', e)
try:
    {Q(1)}
except TypeError as e:
    print('TypeError', e)
print(hash(H(1)), len({H(1), H(1), H(2)}), {H(1): 'a'}[H(1)])
class O:
    def __lt__(self, o): return True
o = O()
print(o == o, o != O(), o < O(), hash(o) == hash(o))
