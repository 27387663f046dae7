import os
os.environ['PYPOOL_STDLIB_T'] = 'x'
print(os.environ.get('PYPOOL_STDLIB_T'), os.getenv('PYPOOL_STDLIB_T'), os.path.join('a', 'b'), os.path.splitext('f.tar.gz'), os.sep, os.name)
del os.environ['PYPOOL_STDLIB_T']
print('PYPOOL_STDLIB_T' in os.environ, os.cpu_count() > 0, os.getppid() > 0)
try:
    os.listdir('/nonexistent-pypool-dir')
except FileNotFoundError as e:
    print(e.errno, e.filename, e)
