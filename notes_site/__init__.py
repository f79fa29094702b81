"""The term engine of SystemsExpert Notes: lessons in, glossary and term links out.

outline        headings and fenced code of a Markdown text (the bottom layer)
source         a file's text, front matter and body; Problem, an error with its line
lessons        one lesson's title, sections and terms, checked
names          finding term names in running text, in one pass over its words
glossary       the lessons' terms merged into entries, checked across lessons
glossary_page  the entries for the glossary page: headings in Markdown, the rest HTML
rendering      each definition rendered once, with the page's own Markdown setup
summaries      a term's summary, read from its rendered definition
flashcards     the entries as the flashcards page's deck
path           which earlier lessons each lesson builds on
path_map       the learning path as an SVG map (Graphviz) and as a list
linking        marking mentions in a page's element tree
figures        each figure's light and dark variants in galleries of their own
file_links     links and images that lead to no file, with their lines (for hooks/site_hook.py)
line_breaks    long code, names and slash-joined words broken between their parts, short code words kept whole (an extension of its own)
catalog        reads the docs folder once per change; what the rest asks
extension      the Python-Markdown extension that wires it into pages
describe       a lesson's meta description
"""
