# Functions that only do arithmetic on their parameters: results, types and
# errors as CPython's, whatever the operands.
from multiprocessing import Pool


def sq(x):
    return x * x


def poly(a, b=3, c=0.5):
    return -a * b + c ** 2 - (a - b) // 2 % 7


def div(a, b):
    return a / b


def fdiv(a, b):
    return a // b


def inv(x):
    return 1 // x


def power(a, b):
    return a ** b


def neg(x):
    return -x


def pos(x):
    return +x


def ident(x):
    return x


def plus_true(x):
    return x + True


class MyInt(int):
    def __mul__(self, other):
        return "MyInt.__mul__"


class Num:
    def __init__(self, v):
        self.v = v

    def __mul__(self, other):
        return Num(self.v * 10)

    def __repr__(self):
        return "Num(%r)" % self.v


print(sq(7), sq(-3), sq(2 ** 40), sq(2 ** 62), sq(1.5), sq(True), sq(False), sq(MyInt(3)), sq(Num(2)))
print(poly(1), poly(2, 5), poly(10, 3, 2), poly(-7), poly(2.5, 1.5, -1), poly(True, False))
print(div(7, 2), div(-7, 2), div(1, 3.0), fdiv(-7, 2), fdiv(7.5, 2), fdiv(-7, -2), div(True, 2))
print(power(2, 10), power(2, -2), power(2, 0.5), power(10, 30), power(-8, 3), power(True, 5))
print(neg(5), neg(-2.5), neg(2 ** 70), pos(3), pos(-0.0), neg(0), neg(True), pos(True))
print(ident(True), ident(2.5), ident("s"), plus_true(1), plus_true(1.5), plus_true(True))
print(type(sq(2 ** 40)).__name__, type(div(4, 2)).__name__, type(fdiv(4.0, 2)).__name__, type(sq(True)).__name__)
for f, args in [(div, (1, 0)), (fdiv, (1, 0)), (sq, ("ab",)), (poly, ()), (neg, ("x",)), (sq, (None,)), (inv, (False,))]:
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    div(5, 0)
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    print("raised in", tb.tb_frame.f_code.co_name, "line", tb.tb_lineno)

if __name__ == '__main__':
    with Pool(2) as p:
        print(p.map(sq, range(-3, 4)), p.map(sq, [0.5, 2 ** 40, True]))
        print(p.starmap(power, [(2, 3), (2, -1), (9, 0.5)]))
        print(sum(p.map(sq, range(10000))), p.map(neg, range(3)))
        try:
            p.map(inv, [1, 2, 0], chunksize=1)
        except ZeroDivisionError as e:
            print("map:", type(e).__name__, e)
