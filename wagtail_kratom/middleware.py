"""Middleware that keeps Wagtail's API listings from answering 500 to numbers no database can hold."""

from django.http import JsonResponse

#: The largest offset or limit SQL databases accept (a signed 64-bit integer).
LARGEST_PAGINATION_NUMBER = 2**63 - 1

PAGINATION_PARAMETERS = ("offset", "limit")


class APIPaginationBoundsMiddleware:
    """Answer 400 to a request whose ``offset`` or ``limit`` is beyond what SQL can take.

    Wagtail 8.0's v2 and v3 API paginators pass these numbers to the database
    unchecked, and a number over 2⁶³ − 1 ends in a server error (found by
    schemathesis). Numbers within range are left for the API to judge.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name in PAGINATION_PARAMETERS:
            value = request.GET.get(name, "").strip()
            if value.isascii() and value.isdigit() and int(value) > LARGEST_PAGINATION_NUMBER:
                return JsonResponse({"message": f"{name} must be at most {LARGEST_PAGINATION_NUMBER}"}, status=400)
        return self.get_response(request)
