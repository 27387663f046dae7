from collections import ChainMap
defaults = {'workers': 2, 'timeout': 10}
overrides = {'workers': 8}
cfg = ChainMap(overrides, defaults)
print(cfg['workers'], cfg['timeout'], len(cfg), sorted(cfg))
