a = 1
s = (f'a={a}, '
     'plain, '
     f'b={a + 1}')
print(s)
