"""Where extraction runs: this machine (the default, :mod:`allegiance.nlp.pipeline`) or a
Dask cluster (:mod:`allegiance.engine.dask`, the optional extra ``allegiance[dask]``)."""
