print(type('X', (), {'a': 1})().a, type(type), type(object()).__name__, object.__name__)
class A:
    pass
print(A.__bases__, type(A) is type)
