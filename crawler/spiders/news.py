"""The generic spider: any news site, its markup unknown in advance.

    scrapy crawl news -a start_urls=https://example.org/ -O out.jsonl
    scrapy crawl news -a start_urls=https://example.org/sitemap.xml,https://example.org/rss -a since=2026-01-01
"""

from __future__ import annotations

from .base import CleanwireSpider


class NewsSpider(CleanwireSpider):
    """Home or section pages, sitemaps, feeds or articles in; one record per article page out."""

    name = "news"
