"""`python -m api.cli`: the same as the `claimdex` command."""

from api.cli import main

main()
