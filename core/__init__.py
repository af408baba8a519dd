"""Toolkits that know no domain: the API toolkit, the content-version cache, paging,
request logging, form widgets and rich text. Nothing here imports an app of the project."""
