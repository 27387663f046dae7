import traceback
def inner():
    raise KeyError('gone')
try:
    inner()
except KeyError:
    traceback.print_exc()
print('continued')
