"""Answers for addresses under /api/v1/ that match no route: JSON like every other API error, not an HTML page."""

from rest_framework.exceptions import NotFound
from rest_framework.views import APIView


class NotFoundView(APIView):
    authentication_classes = []
    permission_classes = []
    schema = None

    def http_method_not_allowed(self, request, *args, **kwargs):
        raise NotFound("Dit adres bestaat niet in de API. Let op de afsluitende slash; zie /api/v1/docs/.")

    options = http_method_not_allowed
