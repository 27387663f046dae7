print(int('ff', 16), int('0xff', 16), int('0b101', 0), int('777', 8), int('z', 36), int('-12'))
try:
    int('abc')
except ValueError as e:
    print('ValueError:', e)
