class ConfigError(Exception):
    pass
print('start')
raise ConfigError('missing key: workers')
