import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    warnings.warn('careful')
print(w[0].lineno, w[0].category.__name__, w[0].message)
print(warnings.formatwarning('msg', UserWarning, 'f.py', 3), end='')
