x, w, name = 3.14159, 10, "world"
d = {'k': 42}
items = [1, 2, 3]
print(f"hello {name}!")
print(f"{x:.2f}|{x:>{w}.3f}|{name!r:^12}|{name!s}|{name!a}")
print(f'{d["k"]}' f" and {items[0]+items[1]}" " plain" f'{{literal}}')
print(f"{x=}", f"{x = :.1f}", f"{name=!s}", f"{ items[1] = }")
print(F"{'nested ' + f'{name}'}", rf"raw\n{name}", fR'\d{x:.0f}')
print(f"""multi
line {name}
{x:{'<'}{w}} end""")
print(f"{3 != 4} {(lambda: 5)()} {1 if x > 1 else 0} {[i*2 for i in items]} {x:{w}.{2}}")
print(f"{1234567:,} {0.5:.1%} {255:#x} {-7:+05d} {'é'!a}")
i = 3
print(f"{i}: {'ok' if i else 'no'}", f"{d}" f"")
print(f"{'a':*>{w}}", f"{name:{'^'}{w}}")
print(f"{x:{'.3f'}}")
