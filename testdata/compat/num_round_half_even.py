print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5))
print(round(2.675, 2), round(0.125, 2), round(1234.5678, -2), round(7), round(3.14159, 3), type(round(2.5)).__name__)
print(round(15, -1), round(25, -1))
