"""Tests: the same settings as development, with fast password hashing and captured e-mail."""

import os
from urllib.parse import urlsplit

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# No persistent connections: the live server's thread must not hold the test database open at teardown.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if REDIS_URL:  # noqa: F405
    # A Redis database per xdist worker: the tests clear the cache, and must not clear each other's.
    _worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0")[2:] or 0)
    _location = urlsplit(REDIS_URL)._replace(path=f"/{1 + _worker}").geturl()  # noqa: F405
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _location}}
    # Workshop ids repeat across the workers' databases: each worker's groups get their own prefix.
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels_redis.core.RedisChannelLayer",
                                  "CONFIG": {"hosts": [REDIS_CHANNEL_HOST], "prefix": f"asgi-test-{_worker}"}}}  # noqa: F405
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
