"""Downloader middlewares for faults: retries with back-off that honour Retry-After."""

from __future__ import annotations

from scrapy.downloadermiddlewares.retry import RetryMiddleware


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries (placeholder until the back-off lands)."""
