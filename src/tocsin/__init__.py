"""tocsin: a sourced, geocoded record of conflict events from news and official statements.

The library is the product; the ``tocsin`` command is a thin layer over it::

    from tocsin.config import load_settings
    from tocsin.ingest.readers import iter_inputs
    from tocsin.pipeline import Coded, Pipeline
    from tocsin.report.records import event_json

    pipe = Pipeline.from_settings(load_settings())   # loads spaCy and the gazetteer once
    for result in pipe.run(iter_inputs(["article.txt"], input_format="auto")):
        if isinstance(result, Coded):
            for event in result.events:              # frozen tocsin.models.Event records
                print(event_json(event))
        else:                                        # a tocsin.models.Rejection with its reason
            print(result.reason, result.detail)
"""

__version__ = "0.1.0"
