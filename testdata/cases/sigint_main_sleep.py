# pypool: interrupt-on ready
# Ctrl-C while the main thread sleeps: KeyboardInterrupt traceback, the process ends by SIGINT (130).
import time
print('ready', flush=True)
time.sleep(30)
print('not reached')
