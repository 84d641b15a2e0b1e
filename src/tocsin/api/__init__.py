"""The HTTP API (`tocsin serve`): FastAPI on uvicorn, over the store."""
