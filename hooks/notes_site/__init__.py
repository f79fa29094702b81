"""Build-time Python for SystemsExpert Notes: pure functions, wired to MkDocs by hooks/glossary_hook.py.

terms     parses the term headings of one lesson (the bottom layer)
glossary  merges the lessons' terms and renders the glossary page and JSON
annotate  links the first mention of a term in each section of a lesson
"""
