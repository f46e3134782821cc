"""/api/v1/uitdatabank/: dated activities in the shape of UiTdatabank's event model."""

urlpatterns = []
