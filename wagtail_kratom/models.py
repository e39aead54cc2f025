"""Django's entry point for the app's models; each concern lives in its own module."""

from .acceptances import FindingAcceptance
from .disclaimers import ArticlePageDisclaimer, Disclaimer, SiteDefaultDisclaimer
from .import_sources import ImportBatch, ImportBatchFile, ImportedSource
from .pages import (
    ArticlePageMixin,
    RiskSectionPage,
    RiskSectionPageMixin,
    RiskSectionPageTopic,
    SafeUseGuidePage,
    SafeUseGuidePageMixin,
    SafeUseGuidePageTopic,
    TopicOverviewPage,
    TopicOverviewPageMixin,
    TopicOverviewPageTopic,
)
from .related import RelatedArticle, SuggestedArticle
from .site_settings import KratomSiteSettings
from .snippets import Contributor
from .workflows import MedicalReviewTask

__all__ = [
    "ArticlePageDisclaimer",
    "ArticlePageMixin",
    "Contributor",
    "Disclaimer",
    "FindingAcceptance",
    "ImportBatch",
    "ImportBatchFile",
    "ImportedSource",
    "KratomSiteSettings",
    "MedicalReviewTask",
    "RelatedArticle",
    "RiskSectionPage",
    "RiskSectionPageMixin",
    "RiskSectionPageTopic",
    "SafeUseGuidePage",
    "SafeUseGuidePageMixin",
    "SafeUseGuidePageTopic",
    "SiteDefaultDisclaimer",
    "SuggestedArticle",
    "TopicOverviewPage",
    "TopicOverviewPageMixin",
    "TopicOverviewPageTopic",
]
