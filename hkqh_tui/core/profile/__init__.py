"""A person's situation ("profile"), and which services fit it and why.

Plain Python: the questions and answers (:mod:`.model`), their bounded JSON form (:mod:`.json_format`), matching a
service's ``requires`` table against a profile (:mod:`.matching`), the reasons in plain words (:mod:`.wording`), and
the reasons for an export (:mod:`.export`).
"""
