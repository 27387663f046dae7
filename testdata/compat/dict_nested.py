config = {'workers': 3, 'tasks': [{'id': 1, 'args': (1, 2)}, {'id': 2, 'args': ()}], 'opts': {'timeout': None, 'retry': False}}
print(config)
print(config['tasks'][0]['args'][1], config['opts'].get('retry'))
