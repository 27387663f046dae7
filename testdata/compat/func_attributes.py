def f(a, b=2):
    """Doc."""
    return a
f.custom = 'tag'
print(f.__name__, f.__doc__, f.custom, f.__defaults__, f.__code__.co_argcount, callable(f))
