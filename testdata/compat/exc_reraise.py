def risky():
    raise IndexError('deep')
try:
    try:
        risky()
    except IndexError:
        print('logging and re-raising')
        raise
except IndexError as e:
    print('outer caught', e)
