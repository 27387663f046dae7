s = 'pool of pools'
print(s.find('pool'), s.rfind('pool'), s.find('x'), s.index('of'), s.rindex('o'), s.find('o', 3))
try:
    s.index('zz')
except ValueError as e:
    print('ValueError:', e)
