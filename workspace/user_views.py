"""User management for beheerders: accounts, roles and the records assigned to them
(for each kind whose records have assigned editors, e.g. measures)."""
from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from .registry import site
from .roles import ROLES
from .views import staff_required

User = get_user_model()


class UserForm(forms.ModelForm):
    role = forms.ChoiceField(
        label=_("Rol"), choices=[("", _("Geen (alleen lezen)"))] + [(role, role) for role in ROLES], required=False
    )

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
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
        if self.instance.pk:
            role = self.instance.groups.filter(name__in=ROLES).values_list("name", flat=True).first()
            self.fields["role"].initial = role or ""

    def save_roles(self, user) -> None:
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
    users = User.objects.order_by("username").prefetch_related("groups")
    return render(request, "staff/user_list.html", {"users": users})


@staff_required("auth.add_user")
@require_http_methods(["GET", "POST"])
def user_create(request: HttpRequest) -> HttpResponse:
    form = NewUserForm(request.POST or None)
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
    form = UserForm(request.POST or None, instance=user)
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
