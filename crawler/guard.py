"""The private-address guard (SSRF): placeholder, filled in by the security work of issue 6."""

from __future__ import annotations


class AddressGuard:
    """Downloader middleware; does nothing yet."""

    @classmethod
    def from_crawler(cls, crawler):
        return cls()

    def process_request(self, request, spider=None):
        return None
