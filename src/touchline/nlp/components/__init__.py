"""One module per extractor. Each exposes ``run(ctx: ArticleContext) -> None``.

The order of ``COMPONENTS`` is the order they run in; later components read what earlier ones
set on the context (entities → quotes → matches → teamsheet → roles → claims → people).
"""
