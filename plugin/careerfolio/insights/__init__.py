"""Insights: pure figures drawn from the corpus: dashboard metrics, next steps, reminders and the review packet."""
