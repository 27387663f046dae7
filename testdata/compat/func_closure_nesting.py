def counter_factory(start):
    def make(step):
        total = start
        def bump():
            nonlocal total
            total += step
            return total
        def peek():
            return total, start, step
        return bump, peek
    return make
bump, peek = counter_factory(10)(3)
bump(); bump()
print(peek())
def retry(times, label):
    def deco(fn):
        calls = []
        def wrapper(*args, **kw):
            for i in range(times):
                calls.append(label + str(i))
            return fn(*args, **kw), calls
        return wrapper
    return deco
@retry(2, 'try')
def add(a, b):
    return a + b
print(add(5, b=2), add(1, 1))
