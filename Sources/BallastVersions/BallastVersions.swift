// The BallastVersions module; see README.md.
