def deco(f):
    def wrapper(*a, **k):
        print("calling", f.__name__ if hasattr(f, "__name__") else "?")
        return f(*a, **k)
    return wrapper

@deco
def add(a, b):
    return a + b
print(add(1, 2))

def make(n):
    return lambda x: x + n
print(make(5)(1))
