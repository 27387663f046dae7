import logging
import sys
logging.basicConfig(level=logging.DEBUG, format='%(levelname)s:%(name)s:%(message)s', stream=sys.stdout)
log = logging.getLogger('app')
log.debug('debug %s', 1)
log.info('info')
log.warning('warn')
logging.getLogger('app.sub').error('sub error')
print(log.name, log.getEffectiveLevel(), logging.getLevelName(logging.INFO))
