"""Learning and measuring: labelled data, training, calibration and evaluations."""
