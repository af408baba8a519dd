"""gunicorn's settings; it reads this file from the directory it starts in (the project root,
/app in the image), so scripts, Docker and the tests all get them."""

# gunicorn 25.1 added a control socket for gunicornc, on by default, at
# $XDG_RUNTIME_DIR/gunicorn.ctl or ~/.gunicorn/gunicorn.ctl: every instance of the same
# user takes over that one path and removes it when it stops (the tests start several).
# Passend does not use it; off, as before gunicorn 25.1.
control_socket_disable = True
