"""Settings shared by every environment; everything that differs comes from the environment."""

from pathlib import Path

import environ

from common.logging import redact_personal_links

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="django-insecure-local-development-only")
DEBUG = env.bool("DJANGO_DEBUG", default=True)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])

INSTALLED_APPS = [
    # Without autodiscovery at start-up: config/urls.py imports the admin modules, so a management command such
    # as import_contacts starts some 0.7 s sooner (it never serves the admin). network.apps registers a check that
    # imports them first, so `manage.py check` still checks every ModelAdmin.
    "django.contrib.admin.apps.SimpleAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "django_htmx",
    "import_export",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "accounts",
    "network",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Every page needs a login unless its view is marked @login_not_required (DRF views answer 401 themselves).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "accounts.middleware.RequireSecondFactorMiddleware",
    "accounts.middleware.IdleSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Django's empty 405 (a GET on a POST-only address) becomes a Dutch page.
    "common.middleware.MethodNotAllowedPageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a lockout flagged during authenticate() into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.rights",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# SQLite has one writer at a time: a transaction takes the write lock when it begins (IMMEDIATE), so a second
# writer waits up to `timeout` seconds for it instead of failing with "database is locked" halfway through.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 30})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First: refuses locked-out clients (django-axes) at every login door, the API token endpoint included.
    "accounts.auth.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_ROOT = BASE_DIR / "media"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: its WWW-Authenticate header turns an anonymous request into a 401 instead of a 403.
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "api.exceptions.exception_handler",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "VAR Netwerkregister API",
    "DESCRIPTION": "Netwerken, contactpersonen en rollen van de VeiligheidsAlliantie regio Rotterdam.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from the sidecar package's static files rather than a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # One name per choice set in the schema, so clients get stable enum types.
    "ENUM_NAME_OVERRIDES": {
        "RoleEnum": "network.choices.Role",
        "ParticipationStatusEnum": "network.choices.ParticipationStatus",
        "CoverageStatusEnum": "network.choices.CoverageStatus",
        "ImportStatusEnum": "network.choices.ImportStatus",
        "OrganisationKindEnum": "network.choices.OrganisationKind",
        "NetworkKindEnum": "network.choices.NetworkKind",
        "HistoryTypeEnum": "network.selectors.history.HISTORY_TYPES",
        "EventKindEnum": "network.choices.EventKind",
        "EventFormatEnum": "network.choices.EventFormat",
        "EventStatusEnum": "network.choices.EventStatus",
        "AttendeeStatusEnum": "network.choices.AttendeeStatus",
        "AttendeeRoleEnum": "network.choices.AttendeeRole",
        "LevelEnum": "network.choices.Level",
    },
}

# Import guards (IMPORT.md): files larger than this, or with more rows, are refused.
IMPORT_MAX_FILE_BYTES = env.int("IMPORT_MAX_FILE_BYTES", default=20 * 1024 * 1024)
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=200_000)
# All cells of one file together, counted as read (a shared string used a million times counts a million times).
IMPORT_MAX_CHARS = env.int("IMPORT_MAX_CHARS", default=50_000_000)

# Uploads waiting between preview and confirm (web wizard, admin): a private folder (mode 0700, files 0600),
# named by the content's SHA-256; previews abandoned for this many hours are removed (network/uploads.py).
IMPORT_UPLOAD_DIR = env.path("IMPORT_UPLOAD_DIR", default=BASE_DIR / "var" / "import-uploads")
IMPORT_UPLOAD_MAX_AGE_HOURS = env.float("IMPORT_UPLOAD_MAX_AGE_HOURS", default=24)

# API lists with personal data (contacts, roles): a page past this page number, or ending past this row, is a
# bulk read and is written to the export log like a download (api/pagination.py).
API_BULK_READ_PAGES = env.int("API_BULK_READ_PAGES", default=3)
API_BULK_READ_ROWS = env.int("API_BULK_READ_ROWS", default=200)

# Roles not confirmed by a list or a user for this many days are flagged as unverified.
VERIFY_AFTER_DAYS = env.int("VERIFY_AFTER_DAYS", default=365)
# An outreach within this many days before a date counts as "in behandeling" for coverage.
OUTREACH_WINDOW_DAYS = 180

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="WARNING")},
}

# Security (issue 6): login lockout, sessions, second factor, Content-Security-Policy, AVG retention.
# django-axes: after this many failed logins for one username from one address, that pair is locked out.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "accounts.auth.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.auth.lockout_response"
# Number of own reverse proxies in front of the app servers; their X-Forwarded-For entries are trusted.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# Only requests whose direct peer is one of these addresses (or networks) may set X-Forwarded-For: the app
# server listens on loopback behind its proxy (docs/deploy.md).
TRUSTED_PROXY_ADDRESSES = env.list("TRUSTED_PROXY_ADDRESSES", default=["127.0.0.1", "::1"])

# A session ends after this many seconds without a request; accounts.middleware.IdleSessionMiddleware extends
# it on activity (at most one write a minute) instead of SESSION_SAVE_EVERY_REQUEST's write on every request.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_SECONDS", default=30 * 60)
SESSION_COOKIE_HTTPONLY = True

# Roles that must confirm a login with a TOTP code (django-otp); production requires it for these two.
OTP_REQUIRED_FOR_ROLES = env.list("OTP_REQUIRED_FOR_ROLES", default=[])
OTP_TOTP_ISSUER = "VAR Netwerkregister"

# django-csp: scripts and styles only from our own files; no inline scripts anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# AVG: contacts without an active role for this many months appear on the retention review list.
AVG_RETENTION_MONTHS = env.int("AVG_RETENTION_MONTHS", default=24)

# E-mail (issue 14): EMAIL_URL is django-environ's e-mail URL (smtp://user:pass@host:25, smtp+tls://…:587,
# consolemail://); without it mails are printed on the console (development). Mails are only sent by the
# management commands (docs/deploy.md: cron or a systemd timer), never during a web request.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
globals().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="VAR Netwerkregister <netwerkregister@localhost>")
# The base of the links in mails (the personal verification page), without a trailing slash.
SITE_URL = env("SITE_URL", default="http://localhost:8000").rstrip("/")
# A verification link works this many days, and only once.
VERIFICATION_TOKEN_MAX_AGE_DAYS = env.int("VERIFICATION_TOKEN_MAX_AGE_DAYS", default=30)
# The personal page answers at most this many requests per client address per window (Django's cache).
VERIFICATION_RATE_LIMIT = env.int("VERIFICATION_RATE_LIMIT", default=30)
VERIFICATION_RATE_WINDOW_SECONDS = env.int("VERIFICATION_RATE_WINDOW_SECONDS", default=600)
# The cache behind the rate limit; with several app servers use one shared cache (docs/deploy.md).
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}
# No log line carries a personal link's token (common/logging.py).
LOGGING = redact_personal_links(LOGGING)
# AVG: someone known only from attendance at events is kept this many months after their last event (EVENTS.md).
AVG_ATTENDANCE_RETENTION_MONTHS = env.int("AVG_ATTENDANCE_RETENTION_MONTHS", default=24)
