"""Page-number pagination with a client-chosen page size, capped so one request cannot fetch the registry."""

from rest_framework import pagination
from rest_framework.exceptions import ValidationError


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
