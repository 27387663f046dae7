class Plain:
    pass
class WithRepr:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'WithRepr({self.v!r})'
class WithStr(WithRepr):
    def __str__(self):
        return f'<{self.v}>'
p = Plain()
print(repr(p).startswith('<__main__.Plain object at 0x'), [WithRepr('a')], WithRepr(1), WithStr(2), [WithStr(3)], str(WithStr(4)))
print(p)
