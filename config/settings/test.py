"""Settings for the test suite: the base settings with a fast password hasher."""

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# WhiteNoise finds files in the apps on each request, as in development: tests have no collected static folder.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Mails go to Django's test outbox (django.core.mail.outbox); one test sends through a real SMTP server.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
