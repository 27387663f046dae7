# atexit: last registered first, arguments kept, unregister removes every
# registration of a function, a failing handler does not stop the others.
import atexit


def show(*args, **kwargs):
    print('show', args, sorted(kwargs.items()))


def fails():
    raise OSError('handler failed')


atexit.register(show, 1, k='v')
atexit.register(fails)
atexit.register(show, 2)
atexit.register(print, 'print handler')


def dropped():
    print('never')


atexit.register(dropped)
atexit.register(dropped, 'again')
atexit.unregister(dropped)


@atexit.register
def decorated():
    print('decorated', decorated.__name__)


try:
    atexit.register(3)
except TypeError as e:
    print('TypeError', e)
print('main done')
