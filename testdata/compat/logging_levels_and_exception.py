import logging
logging.basicConfig(level=logging.INFO, format='[%(levelname)s] %(message)s')
log = logging.getLogger(__name__)
log.info('started')
try:
    1 / 0
except ZeroDivisionError:
    log.exception('task crashed')
log.critical('done')
