calls = []
def logged(fn):
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        return fn(*args, **kwargs)
    return wrapper
@logged
def add(a, b):
    return a + b
print(add(1, 2), add(3, 4), calls, add.__name__)
