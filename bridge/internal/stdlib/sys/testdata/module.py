import sys
print(sys.version_info >= (3, 11), sys.version_info[:2], sys.platform, sys.maxsize, sys.byteorder)
try:
    sys.exit(3)
except SystemExit as e:
    print('exit', e.code)
try:
    raise KeyError('k')
except KeyError:
    print(sys.exc_info()[0].__name__, sys.exc_info()[1])
print(sys.exc_info())
