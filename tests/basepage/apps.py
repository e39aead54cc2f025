from django.apps import AppConfig


class BasePageAppConfig(AppConfig):
    name = "tests.basepage"
    label = "basepage"
    default_auto_field = "django.db.models.BigAutoField"
