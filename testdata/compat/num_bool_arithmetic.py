print(True + True, True * 3, int(True), float(False), sum([True, False, True]), True == 1, isinstance(True, int), bool(0), bool(0.0), bool(''), bool('x'), bool([]), bool(None))
