def outer(a):
    b = a * 2
    def middle(c):
        d = c + 1
        def inner():
            return a, b, c, d
        fs = [lambda: d * 10, inner]
        return [f() for f in fs]
    return middle
print(outer(1)(5))
def deco_factory(prefix):
    def deco(fn):
        count = 0
        def wrapper(*args):
            nonlocal count
            count += 1
            return f'{prefix}{count}:{fn(*args)}'
        return wrapper
    return deco
@deco_factory('#')
def ident(x):
    return x
print(ident('a'), ident('b'))
