import sys
def f():
    try:
        1/0
    except ZeroDivisionError:
        raise ValueError('v')
try:
    f()
except ValueError as e:
    print(repr(e.__context__), e.__suppress_context__, e.__cause__)
try:
    raise KeyError('a') from None
except KeyError as e:
    print(repr(e.__context__), e.__suppress_context__, e.__cause__)
try:
    raise TypeError('t')
except TypeError as e:
    print(repr(e.__context__), sys.exc_info()[1])
def g():
    try:
        raise KeyError('k')
    except KeyError: raise IndexError('i') from None
try:
    g()
except IndexError as e:
    print(repr(e.__context__), e.__suppress_context__)
try:
    try:
        raise ValueError
    except ValueError:
        raise
except ValueError as e:
    print('reraise', repr(e.__context__))
