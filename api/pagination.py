"""Page-number pagination with a client-chosen page size, capped so one request cannot fetch the registry."""

from django.conf import settings
from rest_framework import pagination
from rest_framework.exceptions import ValidationError

from accounts.services import bulk_read_logged


class PageNumberPagination(pagination.PageNumberPagination):
    page_size_query_param = "page_size"
    page_size_query_description = "Aantal resultaten per pagina: 1 tot en met 500 (standaard 50)."
    page_query_description = "Paginanummer, vanaf 1."
    max_page_size = 500

    def get_page_size(self, request):
        """Refuse a page size that is not a whole number from 1 to 500 rather than silently using another one."""
        raw = request.query_params.get(self.page_size_query_param)
        if not raw:
            return self.page_size
        if not raw.isdigit() or not 1 <= int(raw) <= self.max_page_size:
            raise ValidationError(
                {self.page_size_query_param: [f"Geef een geheel getal van 1 tot en met {self.max_page_size}."]}
            )
        return int(raw)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["allowEmptyValue"] = True
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
        return parameters


class BulkReadLogMixin:
    """Lists with personal data: a page past API_BULK_READ_PAGES or ending past row API_BULK_READ_ROWS is a
    bulk read and goes into the export log (issue 11), as a download does; looking someone up does not.

    The rule reads only the request (page number and size), so it holds across app servers without shared
    state; `bulk_read_name` is the list's name in the log.
    """

    bulk_read_name = ""

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        paginator = self.paginator
        django_page = getattr(paginator, "page", None)
        if self.action == "list" and page and django_page is not None:
            last_row = django_page.end_index()
            if django_page.number > settings.API_BULK_READ_PAGES or last_row > settings.API_BULK_READ_ROWS:
                bulk_read_logged(
                    actor=self.request.user,
                    list_name=f"{self.bulk_read_name} (API, rij {django_page.start_index()}–{last_row})",
                    rows=len(page),
                    door="api",
                    filters=self.request.query_params.dict(),
                )
        return page
