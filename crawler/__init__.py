"""cleanwire's Scrapy project: settings, spiders, the cleaning pipeline, the seen-store.

It only fetches, discovers and schedules; every page is cleaned by `cleaners`. `crawler/demo/`
holds the offline demo sites (served on 127.0.0.1) and the hand-written demo pages.
"""
