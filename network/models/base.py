"""The abstract base every registry model shares."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        abstract = True
