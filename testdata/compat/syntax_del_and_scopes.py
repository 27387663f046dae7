x = [1, 2, 3]
del x[0]
y = 5
del y
try:
    y
except NameError as e:
    print('NameError:', e)
print(x)
