h, m, s = 3, 7, 9.5
print(f'{h:02d}:{m:02d}:{s:04.1f}')
print(f'{12.3456:8.2f}s elapsed')
