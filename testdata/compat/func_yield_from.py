def inner():
    yield 1
    yield 2
    return 'ret'
def outer():
    r = yield from inner()
    yield r
    yield from range(3)
print(list(outer()))
