"""cleanwire's Scrapy project: it fetches, discovers and schedules; `cleaners` does the cleaning.

The spiders arrive with the crawler issue; `crawler/demo/site/` holds the offline demo site.
"""
