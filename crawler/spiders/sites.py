"""One spider per crawl profile in seeds/ (kcnawatch, kcna, rodong, xinhua, globaltimes, ...).

Each is the base spider driven by its profile; `-a base_url=` crawls a mirror of the site.

    scrapy crawl kcnawatch -a source=rodong -a max_articles=50
    scrapy crawl ohmymag -a base_url=http://127.0.0.1:8081/
"""

from __future__ import annotations

from ..profiles import site_profiles
from .base import CleanwireSpider


def _spider_class(profile_name: str) -> type[CleanwireSpider]:
    cls_name = "".join(part.title() for part in profile_name.split("_")) + "Spider"
    return type(cls_name, (CleanwireSpider,), {
        "name": profile_name,
        "profile_name": profile_name,
        "__doc__": f"The {profile_name} site, driven by seeds/{profile_name}.toml.",
        "__module__": __name__,
    })


for _profile in site_profiles():
    globals()[_spider_class(_profile.name).__name__] = _spider_class(_profile.name)
