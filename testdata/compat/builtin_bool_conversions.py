print(bool(), bool(1), bool(-1), bool(0.0), bool('0'), bool(' '), bool([0]), bool({}), bool(set()), bool(None), bool(range(0)), int(bool('x')))
