class Base:
    def __init__(self, items):
        self.items = list(items)
    def __repr__(self):
        return f'{type(self).__name__}({self.items})'
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __call__(self, x):
        return x in self.items
    def __iter__(self):
        return iter(self.items)
class Child(Base):
    pass
c = Child('abc')
print(repr(c), len(c), c[1], c('b'), list(c), str(c))
