import collections as col
import os.path as osp
from math import sqrt as root, pi
import json, itertools
print(col.Counter('aa'), osp.basename('/a/b'), root(9), round(pi, 2), json.dumps(1), list(itertools.repeat(0, 2)))
