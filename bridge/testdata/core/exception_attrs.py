class AppError(Exception):
    pass
try:
    try:
        {}["k"]
    except KeyError as e:
        raise AppError("lookup failed") from e
except AppError as e:
    print(repr(e), repr(e.__cause__), e.__cause__ is not None, e.args, e.__traceback__ is not None)
e = ValueError(1, 2)
print(e.args, e.__cause__, e.__context__)
