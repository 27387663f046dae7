try:
    import numpy_does_not_exist
except ModuleNotFoundError as e:
    print('ModuleNotFoundError:', e, e.name)
try:
    from os import does_not_exist
except ImportError as e:
    print('ImportError' in type(e).__name__)
import another_missing_module
