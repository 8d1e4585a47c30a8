"""Development: `make run`. DEBUG on, e-mail printed to the console."""

from .base import *  # noqa: F403

DEBUG = True
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# `make run` serves here; links in e-mails the task worker sends must lead back to it.
SITE_URL = SITE_URL or f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"  # noqa: F405
