import os
print(os.path.join('a', 'b', 'c.txt'), os.path.basename('/x/y/z.py'), os.path.dirname('/x/y/z.py'), os.path.splitext('arch.tar.gz'), os.path.split('/p/q'))
print(os.path.exists(__file__), os.path.isfile(__file__), os.path.isdir(os.path.dirname(__file__)), os.path.isabs(__file__), os.path.basename(__file__))
print(os.sep, os.path.normpath('a//b/../c'), os.path.exists('/definitely/not/here'))
