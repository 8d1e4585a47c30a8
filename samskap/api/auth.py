from ninja.security import HttpBearer, SessionAuth

from samskap.accounts.services import api_token_authenticate


class ApiTokenAuth(HttpBearer):
    """Personal API tokens: `Authorization: Bearer smk_…`."""

    def authenticate(self, request, token):
        user = api_token_authenticate(key=token)
        if user is not None:
            request.user = user
        return user


class MemberSessionAuth(SessionAuth):
    """The browser's session, for pages that call the API; CSRF-checked on writes."""
