def f():
    raise ValueError("boom")
try:
    f()
except ValueError:
    print("caught plain")
try:
    f()
except (KeyError, ValueError) as e:
    print("caught tuple", e)
try:
    try:
        f()
    except KeyError:
        print("wrong")
except Exception as e:
    print("outer", e)
try:
    raise KeyError("x")
except:
    print("bare")
def g():
    try:
        return 1 / 0
    except ZeroDivisionError as e:
        return "zde " + str(e)
    finally:
        print("finally")
print(g())
for i in range(3):
    try:
        if i == 1:
            raise ValueError(i)
    except ValueError as e:
        print("loop", e)
        continue
try:
    f()
except ValueError as e:
    raise RuntimeError("wrapped") from e
