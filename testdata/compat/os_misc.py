import os
print(isinstance(os.getpid(), int), os.getpid() > 0, isinstance(os.cpu_count(), int), os.environ.get('PYPOOL_SURELY_UNSET', 'unset'), os.name, os.getcwd() == os.path.dirname(os.path.abspath(__file__)))
