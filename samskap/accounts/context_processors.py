from .notifications import unread_count


def notifications(request) -> dict:
    """`notifications_unread` for the header: the member's unread count, asked only when the template calls it
    (for members), so visitors' pages run no query for it."""

    def notifications_unread() -> int:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return 0
        return unread_count(user_id=user.pk)

    return {"notifications_unread": notifications_unread}
