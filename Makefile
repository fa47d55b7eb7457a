# The two commands a newcomer needs are `make demo` and `make test` (see README.md).
.PHONY: demo test lint setup bench loadtest

demo:  ## serve the demo salon on http://localhost:8069
	bash tools/serve_demo.sh

test:  ## lint, install into a throw-away database, run every test (what CI runs)
	bash tools/run_tests.sh

lint:  ## lint only, no database
	bash tools/lint.sh

setup:  ## PostgreSQL, Odoo 18.0, Python tools, Chromium (demo and test run it themselves)
	bash tools/setup.sh

bench:  ## build the generated benchmark database and print BENCH lines (not part of CI)
	bash tools/bench.sh

loadtest:  ## 50 clients book on a 4-worker Odoo for 60 s, then checks and BENCH lines (not part of CI)
	python3 tools/loadtest.py
