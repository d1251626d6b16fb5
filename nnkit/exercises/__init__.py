"""Checks for the end-of-chapter exercises, one module per chapter (``ch01``, ...).

A check raises ``AssertionError`` with a hint when an answer is wrong and prints what
was right when it is not, so a student can run it as often as they like.
"""
