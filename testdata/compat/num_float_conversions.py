print(float('3.5'), float(' -2 '), float('inf'), int(3.9), int(-3.9), int('42'), float(7), int('  12  '))
print((3.0).is_integer(), (2.5).as_integer_ratio(), round(2.675, 2), abs(-2.5))
