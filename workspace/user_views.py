"""User management for beheerders: accounts, roles and the records assigned to them
(for each kind whose records have assigned editors, e.g. measures).

Separation of duties: a beheerder manages redacteuren (and accounts without a role). The
roles that decide what parliament and the public get (eindredacteur) or who may manage
accounts (beheerder) are given by a superuser, the functional owner; superusers and
those roles' accounts are out of a beheerder's reach, and nobody changes their own role
or deactivates themselves.
"""
from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from .registry import site
from .roles import EDITOR, ROLES
from .views import staff_required

User = get_user_model()


def grantable_roles(actor) -> list[str]:
    """The roles ``actor`` may give: every role for a superuser, redacteur for a beheerder."""
    return list(ROLES) if actor.is_superuser else [EDITOR]


def may_manage(actor, account) -> bool:
    """Whether ``actor`` may change ``account``: a superuser everyone; a beheerder the
    accounts with at most a role it may grant itself, never a superuser."""
    if actor.is_superuser or account.pk == actor.pk:
        # One's own account: name and e-mail, not role or activity (see UserForm).
        return True
    if account.is_superuser:
        return False
    roles = set(account.groups.filter(name__in=ROLES).values_list("name", flat=True))
    return roles <= set(grantable_roles(actor))


class UserForm(forms.ModelForm):
    role = forms.ChoiceField(label=_("Rol"), required=False)

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "is_active"]

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", _("Geen (alleen lezen)"))] + [
            (role, role) for role in grantable_roles(actor)
        ]
        if self.instance.pk and self.instance.pk == actor.pk:
            # Nobody changes their own role or switches their own account off.
            del self.fields["role"]
            self.fields["is_active"].disabled = True
        # One field per kind with assigned editors, named after the user's side of the
        # relation (e.g. "assigned_measures").
        self.assignments = {}
        for kind in site:
            if kind.assigned_editors:
                name = kind.model._meta.get_field(kind.assigned_editors).remote_field.related_name
                self.assignments[name] = kind
                self.fields[name] = forms.ModelMultipleChoiceField(
                    label=_("Toegewezen %(records)s") % {"records": str(kind.plural).lower()},
                    queryset=kind.model.objects.all(),
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                )
                if self.instance.pk:
                    self.fields[name].initial = list(getattr(self.instance, name).all())
        if self.instance.pk and "role" in self.fields:
            role = self.instance.groups.filter(name__in=ROLES).values_list("name", flat=True).first()
            self.fields["role"].initial = role or ""

    def save_roles(self, user) -> None:
        if "role" in self.fields:
            user.groups.remove(*Group.objects.filter(name__in=ROLES))
            if self.cleaned_data["role"]:
                user.groups.add(Group.objects.get(name=self.cleaned_data["role"]))
        for name in self.assignments:
            getattr(user, name).set(self.cleaned_data[name])


class NewUserForm(UserForm):
    password = forms.CharField(
        label=_("Eerste wachtwoord"),
        widget=forms.PasswordInput,
        strip=False,
        help_text=password_validation.password_validators_help_text_html(),
    )

    def clean_password(self):
        password = self.cleaned_data["password"]
        password_validation.validate_password(password, self.instance)
        return password


@staff_required("auth.change_user")
@require_http_methods(["GET"])
def user_list(request: HttpRequest) -> HttpResponse:
    users = list(User.objects.order_by("username").prefetch_related("groups"))
    for account in users:
        account.manageable = may_manage(request.user, account)
    return render(request, "staff/user_list.html", {"users": users})


@staff_required("auth.add_user")
@require_http_methods(["GET", "POST"])
def user_create(request: HttpRequest) -> HttpResponse:
    form = NewUserForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save(commit=False)
        user.set_password(form.cleaned_data["password"])
        user.save()
        form.save_roles(user)
        messages.success(request, _("Account %(name)s is aangemaakt.") % {"name": user.username})
        return redirect("staff:user_list")
    return render(request, "staff/user_form.html", {"form": form, "is_new": True}, status=400 if form.errors else 200)


@staff_required("auth.change_user")
@require_http_methods(["GET", "POST"])
def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = get_object_or_404(User, pk=pk)
    if not may_manage(request.user, user):
        raise PermissionDenied(_("Dit account beheert u niet: alleen een superuser wijzigt eindredacteuren, "
                                 "beheerders en superusers."))
    form = UserForm(request.POST or None, instance=user, actor=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        form.save_roles(user)
        messages.success(request, _("Account %(name)s is bijgewerkt.") % {"name": user.username})
        return redirect("staff:user_list")
    return render(
        request,
        "staff/user_form.html",
        {"form": form, "is_new": False, "account": user},
        status=400 if form.errors else 200,
    )
