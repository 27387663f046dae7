import traceback
try:
    raise ValueError('first')
except ValueError as e:
    print('handled', e)
print(traceback.format_exc().splitlines()[-1])
