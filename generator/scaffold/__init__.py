"""`partnerkit new`: a small, valid starter project, written in the languages an organization chooses.

The template project lives in `template/` as package data; `localize` cuts it down to the
chosen languages and `project` writes it into a new folder.
"""
