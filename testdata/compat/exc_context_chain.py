try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('during handling')
except ValueError as e:
    print(repr(e), repr(e.__context__))
try:
    int('x')
except ValueError:
    raise RuntimeError('second')
