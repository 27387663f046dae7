import functools
def timed(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper
@timed
def compute(x):
    """Compute things."""
    return x * 2
print(compute(21), compute.__name__, compute.__doc__, compute.__wrapped__(1))
