class Base:
    def __init__(self, name):
        self.name = name

    def describe(self):
        return f'Base({self.name})'

class Child(Base):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra

    def describe(self):
        return 'Child+' + super().describe()

c = Child('n', 1)
print(c.describe(), c.name, c.extra, isinstance(c, Base), issubclass(Child, Base))
