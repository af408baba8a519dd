# The web, worker and beat containers all run this image.
FROM python:3.11-slim-bookworm

# WeasyPrint needs Pango to lay out the report.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 curl \
 && rm -rf /var/lib/apt/lists/*

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=passend.settings.production
WORKDIR /app
COPY pyproject.toml ./
COPY passend passend
COPY measures measures
COPY motions motions
COPY legislation legislation
COPY reports reports
RUN pip install --no-cache-dir .
COPY . .
# collectstatic needs settings but no real secrets.
RUN DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=localhost python manage.py collectstatic --no-input -v0

RUN useradd --create-home passend && mkdir -p /app/media && chown passend /app/media
USER passend
EXPOSE 8000
CMD ["gunicorn", "passend.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
