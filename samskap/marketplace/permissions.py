"""Who may do what in the marketplace.

- Everyone reads open ads that are not hidden; the owner (and the members of the ad's organisation) and hub
  admins also see the ad's other states and hidden ads.
- Any member posts an ad (for themselves, or for an organisation they are an active member of).
- The owner and active members of the ad's organisation edit, renew, close and mark it matched.
- Any member other than the owner replies to an open ad; a conversation is seen only by its two parties
  (the owner side: the ad's owner; the respondent). Hub admins moderate reports but do not read
  conversations unless a message in them was reported (they see that message in the report).
"""

import rules

from samskap.actors.permissions import is_organisation_member
from samskap.core.permissions import is_hub_admin, is_member


@rules.predicate
def is_ad_owner(user, ad) -> bool:
    if not is_member(user) or ad is None:
        return False
    if ad.owner_id == user.pk:
        return True
    return bool(ad.organisation_id) and is_organisation_member(user, ad.organisation)


@rules.predicate
def is_public_ad(user, ad) -> bool:
    return ad is not None and ad.hidden_at is None and ad.status in ("open", "matched")


@rules.predicate
def is_open_ad(user, ad) -> bool:
    return ad is not None and ad.hidden_at is None and ad.status == "open"


@rules.predicate
def is_conversation_party(user, conversation) -> bool:
    return is_member(user) and conversation is not None and user.pk in (conversation.respondent_id,
                                                                       conversation.ad.owner_id)


rules.add_perm("marketplace.view_ad", is_public_ad | is_ad_owner | is_hub_admin)
rules.add_perm("marketplace.add_ad", is_member)
rules.add_perm("marketplace.change_ad", is_ad_owner)
rules.add_perm("marketplace.reply_ad", is_member & is_open_ad & ~is_ad_owner)
rules.add_perm("marketplace.report", is_member)
rules.add_perm("marketplace.moderate", is_hub_admin)
rules.add_perm("marketplace.view_conversation", is_conversation_party)
rules.add_perm("marketplace.send_message", is_conversation_party)
