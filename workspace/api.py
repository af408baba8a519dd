"""Staff write endpoints of the API: the same drafts, review and publishing as /beheer/.

/api/v1/{maatregelen|moties|wetgeving}/{id}/concept           GET, PUT, DELETE
/api/v1/{maatregelen|moties|wetgeving}/{id}/concept/aanbieden POST
/api/v1/{maatregelen|moties|wetgeving}/{id}/concept/publiceren POST
/api/v1/{maatregelen|moties|wetgeving}/{id}/concept/terugsturen POST (with an opmerking)

These views only translate HTTP to workspace/services.py, which holds every rule (roles,
validation, optimistic locking, audit). A write must name the version it is based on
(``versie`` in the body or the If-Match header); a stale one gets 409 with the current
content, so a client can merge instead of overwriting someone else's work.
"""
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, permissions, serializers
from rest_framework.authentication import TokenAuthentication
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.access import StaffSessionAuthentication
from core.api.conventions import PROBLEM_MEDIA_TYPE, api_version
from core.api.problems import problem_document

from .permissions import EDIT, user_can_edit
from .registry import site
from .services import (
    EditConflict,
    draft_discard,
    draft_for,
    draft_publish,
    draft_return,
    draft_save,
    draft_submit,
    edit_token,
)


class CanEdit(permissions.BasePermission):
    message = "U heeft geen recht om concepten te bewerken."

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.is_authenticated and request.user.has_perm(EDIT))


class DraftWriteSerializer(serializers.Serializer):
    versie = serializers.CharField(required=False, help_text="De versie waarop de wijziging is gebaseerd.")
    inhoud = serializers.DictField(help_text="Het volledige document, zoals GET het geeft.")


class DraftActionSerializer(serializers.Serializer):
    versie = serializers.CharField(required=False)


class DraftReturnSerializer(serializers.Serializer):
    versie = serializers.CharField(required=False, help_text="De versie waarop de beoordeling is gebaseerd.")
    opmerking = serializers.CharField(
        help_text="Wat er aan het concept moet veranderen; de redacteur ziet het bij het concept.",
        max_length=2_000,
    )


class DraftStateSerializer(serializers.Serializer):
    versie = serializers.CharField(help_text="Geef deze mee bij de volgende wijziging.")
    gepubliceerd = serializers.DictField(help_text="De openbare versie.")
    concept = serializers.DictField(allow_null=True, help_text="Het concept, of null als er geen is.")
    stand = serializers.CharField(allow_null=True, help_text="bewerken of ter_beoordeling.")
    opmerking = serializers.CharField(
        allow_null=True, help_text="De opmerking waarmee een eindredacteur het concept terugstuurde, of null."
    )


STAFF_ONLY = {
    401: OpenApiResponse(description="Niet aangemeld."),
    403: OpenApiResponse(description="Geen recht om deze handeling uit te voeren."),
}
# The API-Version header (NLGov API-57) on the answers of the staff writes, documented
# as it is on every read.
VERSION_HEADER = OpenApiParameter(
    "API-Version", location=OpenApiParameter.HEADER, response=True, description="De volledige versie van de API.",
)
STATE_RESPONSES = {
    200: DraftStateSerializer,
    **STAFF_ONLY,
    409: OpenApiResponse(description="Intussen door iemand anders gewijzigd; bevat huidigeVersie en huidigeInhoud."),
}


class _DraftBase(APIView):
    serializer_class = DraftStateSerializer
    authentication_classes = [StaffSessionAuthentication, TokenAuthentication]
    permission_classes = [permissions.IsAuthenticated, CanEdit]

    def record(self):
        # An unknown kind or key is a 404; drafts of records not assigned to a redacteur
        # are not theirs to read (as on the workspace pages).
        record = site.for_slug(self.kwargs["kind"]).get(self.kwargs["key"])
        if not user_can_edit(self.request.user, record):
            raise exceptions.PermissionDenied("Deze gegevens zijn niet aan u toegewezen.")
        return record

    def expected_token(self, request) -> str:
        token = request.data.get("versie") if hasattr(request.data, "get") else None
        token = token or request.headers.get("If-Match", "").strip('"')
        if not token:
            raise exceptions.ValidationError({"versie": ["Geef de versie waarop de wijziging is gebaseerd."]})
        return token

    def state(self, record) -> dict:
        draft = draft_for(record=record)
        return {
            "versie": edit_token(record=record, draft=draft),
            "gepubliceerd": site.for_record(record).document(record),
            "concept": draft.document if draft else None,
            "stand": draft.state if draft else None,
            "opmerking": (draft.review_comment or None) if draft else None,
        }

    def run(self, request, action):
        """Call a service and translate its outcome; every rule lives in the service."""
        record = self.record()
        try:
            action(record)
        except DjangoValidationError as error:
            raise exceptions.ValidationError(
                error.message_dict if hasattr(error, "error_dict") else error.messages
            ) from error
        except DjangoPermissionDenied as error:
            raise exceptions.PermissionDenied(str(error)) from error
        except EditConflict as conflict:
            document = problem_document(
                status_code=409, detail=conflict.message, instance=request.get_full_path(),
                huidigeVersie=conflict.current_token, huidigeInhoud=conflict.current_document,
            )
            return Response(document, status=409, headers={"API-Version": api_version()},
                            content_type=PROBLEM_MEDIA_TYPE)
        record.refresh_from_db()
        return Response(self.state(record), headers={"API-Version": api_version()})


class DraftView(_DraftBase):
    @extend_schema(summary="Concept en gepubliceerde versie van een record", tags=["beheer"],
                   responses={200: DraftStateSerializer, **STAFF_ONLY}, parameters=[VERSION_HEADER])
    def get(self, request, kind: str, key: str):
        return Response(self.state(self.record()), headers={"API-Version": api_version()})

    @extend_schema(summary="Concept opslaan", request=DraftWriteSerializer, tags=["beheer"],
                   responses=STATE_RESPONSES, parameters=[VERSION_HEADER])
    def put(self, request, kind: str, key: str):
        serializer = DraftWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        token = self.expected_token(request)
        return self.run(request, lambda record: draft_save(
            record=record, user=request.user, document=serializer.validated_data["inhoud"], expected_token=token))

    @extend_schema(summary="Concept verwijderen", request=DraftActionSerializer, tags=["beheer"],
                   responses=STATE_RESPONSES, parameters=[VERSION_HEADER])
    def delete(self, request, kind: str, key: str):
        token = self.expected_token(request)
        return self.run(request, lambda record: draft_discard(record=record, user=request.user, expected_token=token))


class DraftSubmitView(_DraftBase):
    @extend_schema(summary="Concept aanbieden ter beoordeling", request=DraftActionSerializer, tags=["beheer"],
                   responses=STATE_RESPONSES, parameters=[VERSION_HEADER])
    def post(self, request, kind: str, key: str):
        token = self.expected_token(request)
        return self.run(request, lambda record: draft_submit(record=record, user=request.user, expected_token=token))


class DraftPublishView(_DraftBase):
    @extend_schema(summary="Concept publiceren (eindredacteur)", request=DraftActionSerializer, tags=["beheer"],
                   responses=STATE_RESPONSES, parameters=[VERSION_HEADER])
    def post(self, request, kind: str, key: str):
        token = self.expected_token(request)
        return self.run(request, lambda record: draft_publish(record=record, user=request.user, expected_token=token))


class DraftReturnView(_DraftBase):
    @extend_schema(summary="Concept terugsturen met opmerking (eindredacteur)", request=DraftReturnSerializer,
                   tags=["beheer"], responses=STATE_RESPONSES, parameters=[VERSION_HEADER])
    def post(self, request, kind: str, key: str):
        serializer = DraftReturnSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        token = self.expected_token(request)
        comment = serializer.validated_data["opmerking"]
        return self.run(request, lambda record: draft_return(
            record=record, user=request.user, comment=comment, expected_token=token))
