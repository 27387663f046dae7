for v, s in [("a","d"),(1,"s"),(1.5,"d"),("a","=5"),("a","+"),(1,"abc"),(1, ".2"), (1.5, "c"), ("x", ",")]:
    try: print(repr(format(v, s)))
    except ValueError as e: print("ValueError", e)
print(format(1234.5, ".3"), format(1.0, ".3"), format(1e16,""), format(0.1, "10"), format(123456789.0, ","), format(1234, "010,"), format(-1234.5, "=+12,.1f"), format(True, ">5"), format(255, "#x"), format(1e-5, ".2"), format(100.0, "g"), format(1e100, ".3"))
vals = [0, 1, -1, 7, 255, 1234567, -98765, 10**20, 0.0, -0.0, 1.5, -2.25, 3.14159265, 1e-7, 123456.789, 1e22, float('inf'), float('nan'), True, "hello", "", "héllo"]
specs = ["", "d", "5", "<5", ">8", "^9", "*^9", "+", " ", "-", "08", "+08", ",", "_", ".2f", ".0f", "#.0f", "10.3f", ".3e", ".3E", "g", ".3g", "#.3g", "G", "%", ".1%", "x", "#x", "X", "#X", "o", "#o", "b", "#b", "_b", "c", "n", ".3", "s", ".2s", "10s", "=10", "010.2f", "z.1f", ",.2f", "020,.2f", "e", ".10g", "r", "#"]
for v in vals:
    out = []
    for s in specs:
        try:
            out.append(format(v, s))
        except ValueError:
            out.append("ValueError")
        except OverflowError:
            out.append("OverflowError")
    print(repr(v), out)
