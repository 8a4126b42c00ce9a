"""What every registry viewset shares: model permissions, and writes that go through a service."""

from rest_framework import mixins, status, viewsets
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from ..permissions import ModelPermissions
from ..schema import RegistryAutoSchema
from ..serializers.domain import DateQuerySerializer


class RegistryViewSet(viewsets.GenericViewSet):
    """A viewset whose queryset comes from a selector (`get_queryset`) and whose writes call services.

    `input_serializers` maps an action to the serializer of its request body; the response is always the
    resource's `serializer_class`, read back through the selector so nested objects are complete.
    """

    permission_classes = [ModelPermissions]
    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser]
    schema = RegistryAutoSchema()
    input_serializers: dict = {}

    def get_serializer_class(self):
        return self.input_serializers.get(self.action, self.serializer_class)

    def validated_input(self, request, *, partial: bool = False) -> dict:
        serializer = self.get_serializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def read_back(self, instance, *, status_code: int = status.HTTP_200_OK) -> Response:
        instance = self.get_queryset().get(pk=instance.pk)
        return Response(self.serializer_class(instance, context=self.get_serializer_context()).data, status=status_code)


class CreateMixin:
    def create(self, request, *args, **kwargs):
        instance = self.perform_create(self.validated_input(request))
        return self.read_back(instance, status_code=status.HTTP_201_CREATED)


class PartialUpdateMixin:
    def partial_update(self, request, *args, **kwargs):
        instance = self.perform_update(self.get_object(), self.validated_input(request, partial=True))
        return self.read_back(instance)


def date_query(request):
    """The `date` query parameter (default today), validated."""
    query = DateQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    return query.on()


class ReadOnlyViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, RegistryViewSet):
    lookup_value_regex = r"\d+"
