"""Error pages for the web interface that Django leaves blank."""

from django.template.response import TemplateResponse


class MethodNotAllowedPageMiddleware:
    """A GET on a POST-only address (Django's empty 405) gets the Dutch page that says which methods it takes.

    API responses (JSON from DRF) already carry a Dutch body and are left alone; so is any 405 that has one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 405 or response.content or request.path.startswith("/api/"):
            return response
        allowed = [method.strip() for method in response.get("Allow", "").split(",") if method.strip()]
        page = TemplateResponse(request, "405.html", {"allowed": allowed}, status=405)
        page["Allow"] = response.get("Allow", "")
        return page.render()
