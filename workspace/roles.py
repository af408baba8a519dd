"""Staff roles as Django groups, each with a fixed set of permissions.

The roles are part of the product, not data that an admin sets up by hand: after
every ``migrate`` the groups are brought in line with ``ROLES`` (see apps.py).

* redacteur: edits drafts of measures, motions and laws.
* eindredacteur: reviews and publishes drafts; starts report generations.
* beheerder: manages users, vocabularies and report editions.
"""
from django.contrib.auth.models import Group, Permission

EDITOR = "redacteur"
FINAL_EDITOR = "eindredacteur"
ADMINISTRATOR = "beheerder"

# "app_label.codename" per role.
ROLES: dict[str, list[str]] = {
    EDITOR: [
        "workspace.edit_content",
    ],
    FINAL_EDITOR: [
        "workspace.edit_content",
        "workspace.publish_content",
        "reports.render_report",
    ],
    ADMINISTRATOR: [
        "programme.manage_vocabularies",
        "reports.render_report",
        "programme.manage_editions",
        "auth.view_user",
        "auth.add_user",
        "auth.change_user",
        "auth.view_group",
    ],
}


def roles_sync(**kwargs) -> None:
    """Create the role groups and give each exactly its permissions."""
    for role, permission_names in ROLES.items():
        group, _created = Group.objects.get_or_create(name=role)
        permissions = []
        for name in permission_names:
            app_label, codename = name.split(".")
            permissions.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        group.permissions.set(permissions)
