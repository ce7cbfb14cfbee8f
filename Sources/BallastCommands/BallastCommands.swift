// The BallastCommands module; see README.md.
