import warnings
for i in range(3):
    warnings.warn(f'loop warning')
print('done')
