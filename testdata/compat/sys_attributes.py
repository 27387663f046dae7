import sys
print(sys.version_info[:2] >= (3, 11), sys.version_info.major, sys.platform, sys.maxsize == 2 ** 63 - 1, type(sys.argv).__name__, 'sys' in sys.modules, sys.byteorder)
print(sys.argv[0].endswith('sys_attributes.py'), len(sys.argv), isinstance(sys.path, list))
