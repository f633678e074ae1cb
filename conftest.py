# Shared by the unit tests and the doctests of helpers/: the environment helpers.setup() gives the
# notebooks (quiet logs, one thread per op, KERAS_BACKEND defaulting to TensorFlow), set before
# anything imports Keras or a backend.
from helpers.setup import _configure_environment

_configure_environment()

# Property tests time each example (200 ms by default); on a loaded 2-core machine a Keras call
# can take longer than that without anything being wrong.
try:
    from hypothesis import settings
except ImportError:  # hypothesis is a test dependency; doctests run without it
    pass
else:
    settings.register_profile("rnn-labs", deadline=None)
    settings.load_profile("rnn-labs")
