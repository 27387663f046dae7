def t(expr):
    try:
        print(expr, '->', repr(eval(expr)))
    except Exception as e:
        print(expr, '!!', type(e).__name__, e)
for e in ["int(True)", "int(False)", "int(True, 10)", "complex('1+2j')", "complex(' ( -1.5e3-2J ) ')", "complex('j')", "complex('-j')", "complex('1-j')", "complex('inf+nanj')", "complex('1 + 2j')", "complex('')", "complex('1', 2)", "complex(1, '2')", "complex(1+2j, 3+4j)", "complex()", "complex(2)", "complex([1])", "complex('1_0+2_0j')", "complex('1__0')", "complex(real=1, imag=2)",
          "pow(3, -1, 7)", "pow(2, 10, 7)", "pow(2, 10, -7)", "pow(2, -1, 4)", "pow(2, 3, 0)", "pow(2.0, 3, 5)", "pow(2, 0.5)", "pow(base=2, exp=3)", "pow(-3, 3, 1)", "pow(10**30, -1, 7)", "pow(True, 2, 5)",
          "list(zip())", "list(zip([1,2],[3,4],[5]))", "list(zip([1],[2,3],strict=True))", "list(zip([1,2],[2],[3],strict=True))", "list(zip([1,2],[2,3],[3],strict=True))", "list(zip([1],[2],[3,4],strict=True))", "list(zip([1,2],[3,4],strict=True))", "zip(1)", "zip([1], foo=1)", "isinstance(zip(), zip)", "type(zip())", "list(map(pow, [2,3], [2,2], [5,5]))"]:
    t(e)
def g():
    yield 1
    raise KeyError('x')
try:
    for a in zip(g(), [1,2,3]):
        print(a)
except KeyError as e:
    print('KeyError', e)
