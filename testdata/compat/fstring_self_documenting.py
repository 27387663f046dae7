x = 42
name = 'pool'
print(f'{x=}')
print(f'{x = }')
print(f'{name=!s} {x*2=}')
print(f'{x=:>5}')
