"""Streamlit pieces of the page; app.py only composes them."""
