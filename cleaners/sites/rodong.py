"""Rodong Sinmun (rodong.rep.kp), the Workers' Party of Korea's daily.

Article pages `/<lang>/index.php?<base64>`, where the base64 decodes to `12@2023-01-30-H001@...`:
the publication date is in the URL itself. The title sits in `.news_Title`, the date in `.news_date`,
the story in `.ArticleContent` (paragraphs); a news list (`#NewsListDIV`), the paper's menus and
a footer surround it.
"""

from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import unquote, urlsplit

from . import SiteProfile

_URL_DATE = re.compile(r"@(\d{4}-\d{2}-\d{2})-")


def url_meta(url: str) -> dict:
    """`published` from the base64 query of an article URL (`MTJAMjAyMy0wMS0zMC1IMDAxQA==`)."""
    try:
        query = unquote(urlsplit(url).query)
        decoded = base64.b64decode(query + "=" * (-len(query) % 4), validate=False).decode("ascii", "replace")
    except (binascii.Error, ValueError):
        return {}
    m = _URL_DATE.search(decoded)
    return {"published": m[1]} if m else {}


PROFILE = SiteProfile(
    name="rodong",
    hosts=("rodong.rep.kp",),
    site="rodong.rep.kp",
    source="Rodong Sinmun",
    body=".ArticleContent, #ArticleContent",
    meta_css={"title": ".news_Title, .NewsTitle", "published": ".news_date, .NewsDate"},
    url_meta=url_meta,
)
