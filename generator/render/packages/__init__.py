"""Packages of the site: SCORM 1.2 zips for an LMS (`scorm`)."""
