"""Page-number pagination with a client-chosen page size, capped so one request cannot fetch the registry."""

from rest_framework import pagination


class PageNumberPagination(pagination.PageNumberPagination):
    page_size_query_param = "page_size"
    page_size_query_description = "Aantal resultaten per pagina (standaard 50, hoogstens 500)."
    page_query_description = "Paginanummer, vanaf 1."
    max_page_size = 500
