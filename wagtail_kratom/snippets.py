"""Snippets shared by article pages: the people and organisations credited on them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index


class Contributor(index.Indexed, models.Model):
    """An author or medical reviewer, credited on pages and in schema.org ``reviewedBy``."""

    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The person’s or organisation’s name as readers should see it."),
    )
    credentials = models.CharField(
        _("credentials"),
        max_length=200,
        blank=True,
        help_text=_("Qualifications shown after the name, for example “MBBS, MRCP”."),
    )
    role = models.CharField(
        _("role"),
        max_length=200,
        blank=True,
        help_text=_("Job title or role, for example “Consultant hepatologist”."),
    )
    is_organisation = models.BooleanField(
        _("is an organisation"),
        default=False,
        help_text=_("Tick for a team or organisation rather than a person."),
    )
    url = models.URLField(
        _("web page"),
        blank=True,
        help_text=_("A page about this contributor, such as a professional profile."),
    )
    note = models.CharField(
        _("note"),
        max_length=200,
        blank=True,
        help_text=_(
            "Shown to readers next to the name wherever the contributor is credited, for example "
            "“fictional reviewer for this demo site”."
        ),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kratom_contributor",
        verbose_name=_("admin user"),
        help_text=_("The admin account of this person, so that approving a medical review credits them."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("credentials"), FieldPanel("role")]),
        FieldPanel("is_organisation"),
        FieldPanel("url"),
        FieldPanel("note"),
        FieldPanel("user"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("contributor")
        verbose_name_plural = _("contributors")

    def __str__(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

    def json_ld(self) -> dict:
        """Describe the contributor as a schema.org Person or Organization."""
        if self.is_organisation:
            data = {"@type": "Organization", "name": self.name}
        else:
            data = {"@type": "Person", "name": self.name}
            if self.credentials:
                data["honorificSuffix"] = self.credentials
            if self.role:
                data["jobTitle"] = self.role
        if self.url:
            data["url"] = self.url
        return data

    @classmethod
    def for_user(cls, user) -> "Contributor | None":
        """The contributor linked to ``user``, made from the account's full name when there is none yet.

        None when the account has no full name: readers are shown a deliberate public name, never a
        login name or an email address.
        """
        contributor = cls.objects.filter(user=user).first()
        if contributor is None and (name := user.get_full_name().strip()):
            contributor = cls.objects.create(name=name, user=user)
        return contributor
