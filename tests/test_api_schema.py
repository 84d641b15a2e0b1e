"""The API against its own OpenAPI description: generated requests find no server error."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import settings
from schemathesis.checks import not_a_server_error

from tests.test_fusion import REBELS, UKRAINE_ARMY, _doc, _event
from tocsin.api.app import create_app
from tocsin.config import load_settings
from tocsin.store.store import Store


def _app() -> object:
    folder = Path(tempfile.mkdtemp(prefix="tocsin-api-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    db = folder / "api.duckdb"
    events = [
        _event("a"),
        _event("b", town="Kramatorsk", dead=2),
        _event("c", town="Mariupol", actors=(REBELS,), recipients=(UKRAINE_ARMY,), day="2014-05-03"),
    ]
    with Store(db) as store:
        for e in events:
            store.add(_doc(e, source=f"outlet {e.doc_id}"), (e,))
        store.fuse()
    return create_app(str(db), load_settings(env={}))


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=40, deadline=None)
def test_no_request_the_schema_allows_makes_a_server_error(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=[not_a_server_error])
