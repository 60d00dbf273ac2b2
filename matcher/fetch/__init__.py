"""Job boards and posting pages -> posting files, kept fresh.

boards/ knows each board's API (one module per board: how to list and page it, and how one of its
jobs becomes text and metadata); client.py is the HTTP client (timeouts, retries, limits, the
User-Agent); roles.py tells internships from other roles; folder.py keeps the output folder
(sources.yaml, what fetch wrote, closed postings, `.new.yaml` drafts); run.py puts them together
and returns a summary. Nothing here prints.
"""
