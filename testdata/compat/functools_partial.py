import functools
def power(base, exp):
    return base ** exp
square = functools.partial(power, exp=2)
two_to = functools.partial(power, 2)
print(square(5), two_to(10), square.func.__name__, square.keywords, two_to.args)
print(list(map(functools.partial(int, base=2), ['101', '11'])))
