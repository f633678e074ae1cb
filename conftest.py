# Shared by the unit tests and the doctests of helpers/: the same TensorFlow settings as the
# notebooks' setup cell, set before anything imports TensorFlow.
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
os.environ.setdefault("TF_NUM_INTRAOP_THREADS", "1")
