class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code


class NotFound(AppError):
    pass


class Plain(Exception):
    pass


try:
    raise NotFound(404, 'missing')
except AppError as e:
    print(type(e).__name__, e.code, e, e.args, repr(e), isinstance(e, Exception))

try:
    raise Plain
except Exception as e:
    print(repr(e), str(e) == '')


class Custom(Exception):
    def __str__(self):
        return 'custom!'


try:
    raise Custom(1, 2)
except Custom as e:
    print(str(e), e.args)


class Base:
    kind = 'base'

    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, self.n)

    def __len__(self):
        return self.n

    @classmethod
    def make(cls):
        return cls(1)

    @staticmethod
    def helper():
        return 'h'

    @property
    def double(self):
        return self.n * 2


class Child(Base):
    __slots__ = ('n',)

    def __init__(self, n):
        super().__init__(n + 1)


c = Child(2)
print(c, len(c), Child.kind, Child.make(), Child.helper(), c.double, Child.__name__, type(c).__name__)
print(isinstance(c, Base), issubclass(Child, Base), isinstance(True, int), isinstance(1, (str, int)))
print([Child(5)], {1: Child(6)}, callable(c), callable(Child))


class Counter2(dict):
    def __missing__(self, key):
        return 0


d = Counter2(a=1)
d['b'] += 2
print(d, isinstance(d, dict), d['zz'])
