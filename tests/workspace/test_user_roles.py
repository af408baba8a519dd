"""Separation of duties in account management: a beheerder manages redacteuren; the
eindredacteur and beheerder roles and superusers are the functional owner's (superuser)."""
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _form(account, **changes) -> dict:
    data = {"username": account.username, "first_name": "", "last_name": "", "email": account.email,
            "is_active": "on" if account.is_active else ""}
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def test_a_beheerder_cannot_touch_a_superuser_or_an_eindredacteur(client, administrator, final_editor,
                                                                   django_user_model):
    owner = django_user_model.objects.create_superuser("eigenaar", "eigenaar@example.nl", "een-lang-wachtwoord-123")
    client.force_login(administrator)
    for account in (owner, final_editor):
        url = reverse("staff:user_edit", args=[account.pk])
        assert client.get(url).status_code == 403
        assert client.post(url, _form(account, email="ander@example.nl", is_active="")).status_code == 403
        account.refresh_from_db()
        assert account.is_active and account.email != "ander@example.nl"
    listing = client.get(reverse("staff:user_list")).content.decode()
    assert reverse("staff:user_edit", args=[owner.pk]) not in listing
    assert reverse("staff:user_edit", args=[final_editor.pk]) not in listing


def test_a_beheerder_grants_redacteur_but_not_eindredacteur(client, administrator, reader):
    client.force_login(administrator)
    url = reverse("staff:user_edit", args=[reader.pk])
    refused = client.post(url, _form(reader, role="eindredacteur"))
    assert refused.status_code == 400
    assert not reader.groups.filter(name="eindredacteur").exists()
    assert client.post(url, _form(reader, role="redacteur")).status_code == 302
    assert reader.groups.filter(name="redacteur").exists()
    created = client.post(reverse("staff:user_create"), {
        "username": "nieuw", "email": "nieuw@example.nl", "is_active": "on", "role": "eindredacteur",
        "password": "een-lang-wachtwoord-456"})
    assert created.status_code == 400 and not Group.objects.get(name="eindredacteur").user_set.filter(
        username="nieuw").exists()


def test_nobody_changes_their_own_role_or_switches_themselves_off(client, administrator):
    client.force_login(administrator)
    url = reverse("staff:user_edit", args=[administrator.pk])
    page = client.get(url).content.decode()
    assert 'name="role"' not in page
    response = client.post(url, _form(administrator, role="eindredacteur", is_active="", email="nieuw@example.nl"))
    assert response.status_code == 302
    administrator.refresh_from_db()
    assert administrator.is_active and administrator.email == "nieuw@example.nl"
    assert list(administrator.groups.values_list("name", flat=True)) == ["beheerder"]


def test_a_superuser_grants_the_eindredacteur_role(client, django_user_model, reader):
    owner = django_user_model.objects.create_superuser("eigenaar", "eigenaar@example.nl", "een-lang-wachtwoord-123")
    client.force_login(owner)
    response = client.post(reverse("staff:user_edit", args=[reader.pk]), _form(reader, role="eindredacteur"))
    assert response.status_code == 302
    assert reader.groups.filter(name="eindredacteur").exists()


def test_a_beheerder_creates_an_account_with_a_role_and_assigned_measures(client, administrator, programme_loaded):
    from measures.models import Measure

    client.force_login(administrator)
    measure = Measure.objects.get(code="5")
    weak = client.post(reverse("staff:user_create"), {
        "username": "nieuw", "email": "nieuw@example.nl", "is_active": "on", "role": "redacteur",
        "password": "123"})
    assert weak.status_code == 400 and "wachtwoord" in weak.content.decode().lower()
    created = client.post(reverse("staff:user_create"), {
        "username": "nieuw", "email": "nieuw@example.nl", "is_active": "on", "role": "redacteur",
        "assigned_measures": [measure.pk], "password": "een-lang-wachtwoord-456"})
    assert created.status_code == 302
    from django.contrib.auth import get_user_model

    account = get_user_model().objects.get(username="nieuw")
    assert account.check_password("een-lang-wachtwoord-456")
    assert list(account.groups.values_list("name", flat=True)) == ["redacteur"]
    assert list(account.assigned_measures.values_list("code", flat=True)) == ["5"]


def test_a_deactivated_redacteur_can_no_longer_sign_in(client, administrator, editor):
    client.force_login(administrator)
    assert client.post(reverse("staff:user_edit", args=[editor.pk]), _form(editor, role="redacteur",
                                                                          is_active="")).status_code == 302
    editor.refresh_from_db()
    assert not editor.is_active
    client.logout()
    refused = client.post(reverse("staff:login"), {"username": editor.username, "password": "een-lang-wachtwoord-123"})
    assert refused.status_code == 200 and "_auth_user_id" not in client.session
