from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from wagtail_kratom.base_page import BasePage, parent_link
from wagtail_kratom.models import TopicOverviewPage


class HomePage(BasePage):
    """The demo's home page: an introduction and the list of topic hubs."""

    page_ptr = parent_link()

    intro = RichTextField(blank=True, help_text="What the site offers and who it is for.")
    emergency_note = models.CharField(
        max_length=300,
        blank=True,
        help_text="A short line on where to get help in an emergency, shown under the introduction.",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("emergency_note")]

    def get_topics(self):
        return TopicOverviewPage.objects.live().public().descendant_of(self).order_by("title")
