"""Command-line subcommands, each in its own module, registered in :mod:`app.cli`."""
