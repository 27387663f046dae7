import warnings
def old():
    warnings.warn('old() is deprecated', DeprecationWarning, stacklevel=2)
    return 1
warnings.warn('careful now')
print(old())
warnings.warn('same message twice')
