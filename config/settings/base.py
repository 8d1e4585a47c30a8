"""Settings shared by every environment. Values that differ per deployment come from the
environment (documented in docs/operations.md), never from edits to this file."""

import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / "data")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def secret_key_from_data_dir() -> str:
    """Generate a secret key once and keep it in DATA_DIR, so sessions survive restarts."""
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = os.environ.get("SECRET_KEY") or secret_key_from_data_dir()
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
# The hub's address for links in e-mails and calendar feeds made without a request (task worker, cron).
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
# Largest slide deck, document or photo organisers may add to an event's programme.
EVENT_FILE_MAX_BYTES = int(os.environ.get("EVENT_FILE_MAX_BYTES", 20 * 1024 * 1024))
# Largest file (PDF, Office or OpenDocument file, image, text) a member may add to a resource in the knowledge base.
KNOWLEDGE_FILE_MAX_BYTES = int(os.environ.get("KNOWLEDGE_FILE_MAX_BYTES", 20 * 1024 * 1024))
# Anti-spam: how many ads one member may post in 24 hours (samskap.marketplace.services.ad_create).
MARKETPLACE_ADS_PER_DAY = int(os.environ.get("MARKETPLACE_ADS_PER_DAY", 10))
# Largest attachment (PDF, Office or OpenDocument text, image, text) on a marketplace message.
MARKETPLACE_ATTACHMENT_MAX_BYTES = int(os.environ.get("MARKETPLACE_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024))
# Messages one member may send in the marketplace per hour (anti-spam).
MARKETPLACE_MESSAGES_PER_HOUR = int(os.environ.get("MARKETPLACE_MESSAGES_PER_HOUR", 30))
# Ideas (issue 5, part B1): the largest image a member may add to an idea; images are re-encoded on upload.
IDEAS_IMAGE_MAX_BYTES = int(os.environ.get("IDEAS_IMAGE_MAX_BYTES", 5 * 1024 * 1024))
# Ideas (issue 5, part C): comments one member may write on ideas per hour (anti-spam; a reply counts too).
IDEAS_COMMENTS_PER_HOUR = int(os.environ.get("IDEAS_COMMENTS_PER_HOUR", 30))
# Team invitations one idea may send (and re-send) in 24 hours.
IDEAS_INVITATIONS_PER_DAY = int(os.environ.get("IDEAS_INVITATIONS_PER_DAY", 20))
# The link checker refuses addresses in loopback, private and link-local networks unless this is on.
LINKCHECK_ALLOW_PRIVATE = env_bool("LINKCHECK_ALLOW_PRIVATE", False)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "samskap.core",
    "samskap.accounts",
    "samskap.actors",
    "samskap.events",
    "samskap.knowledge",
    "samskap.marketplace",
    "samskap.ideas",
    "samskap.workshops",
    "samskap.api",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "template_partials",
    "rules",
    "ninja",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "samskap.core.middleware.LanguageAndTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "samskap.api.middleware.VisitorApiCacheMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "samskap.core.context_processors.hub",
                "samskap.accounts.context_processors.notifications",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'samskap.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at the same time; the busy timeout waits for
    # the writer instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background work (e-mail, waiting-list offers, reminders) is stored in the database and run by
# `manage.py db_worker`; tests run tasks in-process with samskap.core.tasks helpers.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Live workshops: the channel layer carries every change to every screen. In memory within one process (development,
# `make run`); Redis when REDIS_URL is set, so several processes (gunicorn for pages, the ASGI server for /ws/)
# reach each other's screens.
# A consumer waits for its messages with BZPOPMIN for 5 s; redis-py 8 reads with a 5 s socket timeout by default,
# which broke every idle WebSocket after 5 s: the socket timeout must be longer than that wait.
REDIS_CHANNEL_HOST = {"address": REDIS_URL, "socket_timeout": 15, "max_connections": 1000}
if REDIS_URL:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels_redis.core.RedisChannelLayer",
                                  "CONFIG": {"hosts": [REDIS_CHANNEL_HOST], "capacity": 1500, "expiry": 30}}}
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"

# django-allauth: e-mail is the log-in; every address is verified by a link.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_REDIRECT_URL = "core:home"
ACCOUNT_SIGNUP_FORM_CLASS = "samskap.accounts.forms.SignupExtraForm"
ACCOUNT_ADAPTER = "samskap.accounts.adapters.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Failed log-ins are throttled per IP and per account; sign-ups per IP.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "10/h/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
# Behind a reverse proxy the client's address is in X-Forwarded-For; without this every visitor
# would share the proxy's address and its rate limits.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = os.environ.get("MFA_TOTP_ISSUER", "Samskap")
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_ADAPTER = "samskap.accounts.adapters.SocialAccountAdapter"


def oidc_providers_from_env() -> dict:
    """Read OpenID Connect brokers (BankID, MitID, ID-porten …) from OIDC_PROVIDERS, a JSON list.

    Each item: {"id": "idporten", "name": "ID-porten", "client_id": "…", "secret": "…",
    "server_url": "https://…/.well-known/openid-configuration"}.
    """
    import json

    raw = os.environ.get("OIDC_PROVIDERS", "").strip()
    if not raw:
        return {}
    apps = [
        {
            "provider_id": item["id"],
            "name": item["name"],
            "client_id": item["client_id"],
            "secret": item.get("secret", ""),
            "settings": {"server_url": item["server_url"], **item.get("settings", {})},
        }
        for item in json.loads(raw)
    ]
    return {"openid_connect": {"APPS": apps, "OAUTH_PKCE_ENABLED": True}}


SOCIALACCOUNT_PROVIDERS = oidc_providers_from_env()

LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "sv")
LANGUAGES = [
    ("sv", "Svenska"),
    ("nb", "Norsk bokmål"),
    ("da", "Dansk"),
    ("en", "English"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Stockholm")
LANGUAGE_COOKIE_NAME = "samskap_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 10_485_760
AVATAR_MAX_BYTES = int(os.environ.get("AVATAR_MAX_BYTES", 2 * 1024 * 1024))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Samskap <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# No inline scripts or styles anywhere: every script is a static file.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

FORM_RENDERER = "samskap.core.forms.DesignsystemetRenderer"

NINJA_PAGINATION_PER_PAGE = 20
NINJA_PAGINATION_MAX_LIMIT = 100

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Map of the directory (Leaflet). Tiles come from MAP_TILE_URL; the map page also lists every
# organisation as text, so nothing is lost when tiles cannot load.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION", '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)


def tile_source(url: str) -> str:
    """Return the CSP source for a tile URL template: its scheme and host, with {s} subdomains as a wildcard."""
    from urllib.parse import urlsplit

    parts = urlsplit(url.replace("{s}", "tile-subdomain"))
    host = parts.netloc.replace("tile-subdomain", "*")
    return f"{parts.scheme}://{host}" if parts.scheme and host else ""


if tile_source(MAP_TILE_URL):
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(tile_source(MAP_TILE_URL))
