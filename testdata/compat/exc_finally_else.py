def f(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print('except')
        return 'err'
    else:
        print('else')
        return r
    finally:
        print('finally')
print(f(2))
print(f(0))
