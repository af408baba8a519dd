import pytest

pytestmark = pytest.mark.django_db


def test_liveness(client):
    response = client.get("/health/live")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_readiness_reports_database_and_broker(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    response = client.get("/health/ready")
    assert response.status_code == 200, response.json()
    assert response.json()["database"] == "ok" and response.json()["broker"] == "ok"


def test_readiness_fails_when_the_broker_is_down(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["broker"].startswith("fout")
    assert response.json()["database"] == "ok"


def test_every_response_carries_a_request_id(client):
    assert len(client.get("/health/live")["X-Request-ID"]) == 32
    assert client.get("/health/live", HTTP_X_REQUEST_ID="abc-123")["X-Request-ID"] == "abc-123"
    assert client.get("/health/live", HTTP_X_REQUEST_ID="bad id<script>")["X-Request-ID"] != "bad id<script>"
