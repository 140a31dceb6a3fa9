"""A worker pool's main process: Celery's own `celery worker` command, with the garbage collector held
through the pool's start-up.

Starting a pool creates some million long-lived objects (the imports, the models, the compiled rule
packs), and Python's collector would walk them again and again while they are made: ~0.2 s of CPU of
every pool start (a fifth of its imports). It is held from the first line here until the warm-up before
the fork (workers/tasks.py) has run, which then freezes what start-up made (`gc.freeze`: kept out of
every later collection, so the forked pool processes never walk, nor copy, their parent's objects) and
lets the collector run again, as Python's documentation advises for a process that forks without exec.

    python -m workers.celery_worker -A workers.celery_app worker ...   (workers/embedded_runtime.py)
"""

from __future__ import annotations

import gc


def main() -> None:
    gc.disable()  # before Celery and the app are imported: the point of this module
    from celery.__main__ import main as celery_main  # noqa: PLC0415 - after gc.disable, on purpose
    celery_main()


if __name__ == "__main__":
    main()
