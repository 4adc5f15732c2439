"""URLs of the page-comment form, included at /kommentera/."""

from django.urls import path

from feedback import answer_views, views

app_name = "feedback"

urlpatterns = [
    path("", views.CommentPostView.as_view(), name="post"),
    path("utmaning/", views.ChallengeView.as_view(), name="challenge"),
    path("hjalpte/", answer_views.HelpfulnessView.as_view(), name="helpful"),
]
