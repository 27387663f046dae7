a = 1; b = 2; print(a + b)
class Empty: pass
def nothing(): pass
print(nothing(), Empty.__name__)
if True: print('one-line if')
