import logging
logging.warning('disk is %d%% full', 91)
logging.info('not shown')
logging.error('failed: %s', 'x')
print('stdout line')
