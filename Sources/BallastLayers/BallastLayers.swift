// The BallastLayers module; see README.md.
