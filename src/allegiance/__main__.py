"""``python -m allegiance``: the same as the ``allegiance`` command."""

from .cli import main

if __name__ == "__main__":
    main()
