import warnings
warnings.simplefilter('ignore')
warnings.warn('hidden')
warnings.simplefilter('error')
try:
    warnings.warn('as error', RuntimeWarning)
except RuntimeWarning as e:
    print('RuntimeWarning raised:', e)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    warnings.warn('recorded', UserWarning)
print(len(caught), caught[0].category.__name__, str(caught[0].message))
