"""Development: `make run`. DEBUG on, e-mail printed to the console."""

from .base import *  # noqa: F403

DEBUG = True
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
