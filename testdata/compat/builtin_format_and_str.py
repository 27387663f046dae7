print(str(1.0), str(10 ** 20), str(None), str(b'b'), str([None]), format(0.5, '.0%'), format(-1.25, '+.1f'), str(1e-3))
