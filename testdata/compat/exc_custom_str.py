class Oops(Exception):
    def __str__(self):
        return 'custom message'
try:
    raise Oops(1, 2)
except Oops as e:
    print(str(e), e.args)
