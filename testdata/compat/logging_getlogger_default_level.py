import logging
log = logging.getLogger('worker')
log.info('hidden')
log.warning('visible')
print(logging.getLogger('worker') is log, log.level, logging.root.level)
