class AppError(Exception):
    pass
try:
    try:
        {}['k']
    except KeyError as e:
        raise AppError('lookup failed') from e
except AppError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
raise AppError('final') from ValueError('root')
