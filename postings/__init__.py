"""The curated postings. This file lets the folder install inside the package as matcher.postings."""
