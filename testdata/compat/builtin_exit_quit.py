print(exit, repr(quit))
print(issubclass(StopAsyncIteration, Exception), issubclass(EncodingWarning, Warning))
try:
    raise StopAsyncIteration('x')
except StopAsyncIteration as e:
    print('caught', repr(e))
try:
    exit(3)
except SystemExit as e:
    print('SystemExit', e.code)
print('bye')
quit(4)
print('not reached')
