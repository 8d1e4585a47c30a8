from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "samskap.api"
    verbose_name = "API"
