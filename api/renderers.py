"""Spreadsheet downloads (`?format=xlsx|csv`) of lists; the bytes are written by network.exporting.

The renderers exist so DRF's content negotiation accepts the formats; views that offer them build the file
themselves (see `DownloadMixin`), and an error during such a request is answered in JSON.
"""

from django.http import HttpResponse
from django.utils import timezone
from rest_framework.renderers import BaseRenderer, JSONRenderer

from accounts.services import export_logged
from network.exporting import CONTENT_TYPES, write_table


class XLSXRenderer(BaseRenderer):
    media_type = CONTENT_TYPES["xlsx"]
    format = "xlsx"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


DOWNLOAD_RENDERERS = [JSONRenderer, XLSXRenderer, CSVRenderer]


class DownloadMixin:
    """A list that also downloads as a spreadsheet, with formula escaping, in the format the client asked for."""

    download_actions = ("list",)

    def get_renderers(self):
        # No action: a method the route does not offer, which must get its 405 whatever the format asked.
        if self.action in self.download_actions or self.action is None:
            return [renderer() for renderer in DOWNLOAD_RENDERERS]
        return super().get_renderers()

    def download_format(self) -> str | None:
        renderer = getattr(self.request, "accepted_renderer", None)
        return renderer.format if renderer is not None and renderer.format in CONTENT_TYPES else None

    def download(self, *, name: str, headers, rows, sheet_title: str) -> HttpResponse:
        fmt = self.download_format()
        rows = list(rows)
        export_logged(
            actor=self.request.user,
            list_name=name,
            rows=len(rows),
            format=fmt,
            door="api",
            filters={key: value for key, value in self.request.query_params.items() if key != "format"},
        )
        response = HttpResponse(
            write_table(headers, rows, fmt, sheet_title=sheet_title), content_type=CONTENT_TYPES[fmt]
        )
        response["Content-Disposition"] = f'attachment; filename="{name}-{timezone.localdate():%Y-%m-%d}.{fmt}"'
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        # Errors (400, 404, …) of a download request are JSON, not a spreadsheet.
        if getattr(response, "data", None) is not None and response.status_code >= 400 and self.download_format():
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)
