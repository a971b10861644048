"""The guidance site's own logic: load, check and render its data.

Nothing here imports MkDocs, so the same code serves the build hooks (``hooks/guidance_hooks.py``),
the standalone data check (``hooks/commands.py check``) and any future site generator.
"""
