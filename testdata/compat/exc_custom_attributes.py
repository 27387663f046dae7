class HTTPError(Exception):
    def __init__(self, status, reason):
        super().__init__(f'{status} {reason}')
        self.status = status
        self.reason = reason
try:
    raise HTTPError(404, 'Not Found')
except HTTPError as e:
    print(e.status, e.reason, str(e), repr(e), e.args)
