// The BallastDockerfile module; see README.md.
