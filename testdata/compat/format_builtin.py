print(format(3.14159, '.2f'), format(255, 'x'), format(255, '08b'), format('s', '>3'), format(1234.5, ','))
print(format(12), format(1.5), repr(format(None)))
