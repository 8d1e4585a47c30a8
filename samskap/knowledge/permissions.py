"""Who may do what in the knowledge base.

- Everyone reads published resources, collections and funding calls.
- Any member adds a resource (as its author, or for an organisation they belong to) and edits their own.
- Curators (facilitators and hub admins) edit, hide and delete any resource, make collections, import
  and export links and see the link-check report.
- Funding calls are added and edited by active members of the funder organisation and by curators.
"""

import rules

from samskap.actors.permissions import is_organisation_member
from samskap.core.permissions import is_facilitator, is_hub_admin, is_member

is_curator = is_facilitator | is_hub_admin


@rules.predicate
def is_resource_author(user, resource) -> bool:
    if not is_member(user) or resource is None:
        return False
    if resource.created_by_id == user.pk or resource.author_person_id == user.pk:
        return True
    return bool(resource.author_organisation_id) and is_organisation_member(user, resource.author_organisation)


@rules.predicate
def is_published(user, obj) -> bool:
    return obj is not None and obj.is_published


@rules.predicate
def is_funder_member(user, call) -> bool:
    return is_member(user) and call is not None and is_organisation_member(user, call.funder)


rules.add_perm("knowledge.view_resource", is_published | is_resource_author | is_curator)
rules.add_perm("knowledge.add_resource", is_member)
rules.add_perm("knowledge.change_resource", is_resource_author | is_curator)
rules.add_perm("knowledge.delete_resource", is_resource_author | is_curator)
rules.add_perm("knowledge.curate", is_curator)  # collections, import/export, link report, hiding

rules.add_perm("knowledge.view_collection", is_published | is_curator)
rules.add_perm("knowledge.add_collection", is_curator)
rules.add_perm("knowledge.change_collection", is_curator)

rules.add_perm("knowledge.view_fundingcall", is_published | is_funder_member | is_curator)
rules.add_perm("knowledge.add_fundingcall", is_member)  # for an organisation they belong to (checked by the form)
rules.add_perm("knowledge.change_fundingcall", is_funder_member | is_curator)
rules.add_perm("knowledge.delete_fundingcall", is_funder_member | is_curator)
