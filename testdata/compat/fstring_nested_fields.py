width, prec = 10, 3
value = 2.718281828
print(f'[{value:{width}.{prec}f}]')
print(f'[{"x":{"^"}{width}}]')
