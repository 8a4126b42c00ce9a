"""The four roles of the registry and the model permissions each one carries.

Roles are Django groups, so a beheerder assigns them in the admin like any group. This module is the single
definition of what each role may do; the data migration creates the groups from it and `post_migrate` adds
permissions of models that arrive later (it never removes what a beheerder granted by hand).
"""

BEHEERDER = "beheerder"
KERNTEAM = "kernteam"
COORDINATOR = "netwerkcoördinator"
RAADPLEGER = "raadpleger"

ROLES = (BEHEERDER, KERNTEAM, COORDINATOR, RAADPLEGER)

# Writes a coordinator may make, but only in the networks assigned to them.
SCOPED_WRITES = (
    "network.add_membership",
    "network.change_membership",
    "network.add_participation",
    "network.change_participation",
    "network.add_participationstatuschange",
    "network.add_outreach",
    "network.change_outreach",
)

# Apps whose every model a reader may view.
READ_APPS = ("network",)


def role_permissions(role: str, available: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """The (app_label, codename) pairs a role carries, out of the permissions that exist.

    Defined by pattern rather than as a frozen list so that models added later (by other apps of this
    project) are covered without editing this file.
    """
    views = {(app, code) for app, code in available if app in READ_APPS and code.startswith("view_")}
    if role == RAADPLEGER:
        return views
    if role == COORDINATOR:
        scoped = {tuple(perm.split(".")) for perm in SCOPED_WRITES}
        return (
            views
            | {perm for perm in available if perm in scoped}
            | {("accounts", "export_lists"), ("accounts", "network_scoped")}
        )
    if role == KERNTEAM:
        registry_writes = {
            (app, code)
            for app, code in available
            if app == "network"
            and code.split("_", 1)[0] in ("add", "change", "view")
            and (code.startswith("view_") or "_historical" not in code)
        }
        # Merging duplicates removes the duplicate row (its history stays), so the kernteam may delete contacts.
        merge = {("network", "delete_contact")}
        own = {("accounts", code) for code in ("import_lists", "export_lists", "change_all_networks")}
        return registry_writes | ((merge | own) & set(available))
    if role == BEHEERDER:
        return set(available)
    raise ValueError(f"Unknown role: {role}")
