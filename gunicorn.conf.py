"""gunicorn's settings; it reads this file from the directory it starts in (the project root,
/app in the image), so scripts, Docker and the tests all get them."""

# gunicorn 25.1 added a control socket for gunicornc, on by default, at
# $XDG_RUNTIME_DIR/gunicorn.ctl or ~/.gunicorn/gunicorn.ctl: every instance of the same
# user takes over that one path and removes it when it stops (the tests start several).
# Passend does not use it; off, as before gunicorn 25.1.
control_socket_disable = True

# gunicorn names itself in a Server header on every response ("Server: gunicorn") and has
# no setting to stop it; telling the world which server (and so which flaws) to try is
# no use to anyone. Its responses are built by gunicorn.http.wsgi.Response, looked up at
# each request, so a subclass without that line takes its place in every worker.
from gunicorn.http import wsgi  # noqa: E402


class _AnonymousResponse(wsgi.Response):
    def default_headers(self):
        return [line for line in super().default_headers() if not line.startswith("Server:")]


wsgi.Response = _AnonymousResponse
