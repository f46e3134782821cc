"""/api/hsds/: the Open Referral HSDS 3.0 API."""

urlpatterns = []
