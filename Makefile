# The two commands of the README:
#   make run   — set up (virtualenv, requirements, SQLite, demo data) and serve http://127.0.0.1:8000 with the
#                task worker and the scheduler beside it (scripts/run.sh)
#   make test  — set up, start PostgreSQL, run the whole test suite against it, clean up
# and for maintainers:
#   make lock  — recompile the locks with hashes (requirements.txt, requirements-test.txt) from requirements*.in
.PHONY: run test lint bootstrap demo lock

PYTHON_VENV := .venv/bin/python
MIGRATIONS := $(wildcard */migrations/*.py shop/*/migrations/*.py)

run: bootstrap var/.demo-loaded
	scripts/run.sh

test:
	scripts/test.sh

lint:
	scripts/lint.sh

bootstrap:
	scripts/bootstrap.sh

# Migrate and load the demo data once; again only when migrations or the runtime lock change.
var/.demo-loaded: $(MIGRATIONS) requirements.txt
	mkdir -p var
	$(PYTHON_VENV) manage.py migrate --no-input
	$(PYTHON_VENV) manage.py load_demo_data
	touch $@

demo: bootstrap
	$(PYTHON_VENV) manage.py load_demo_data

lock:
	scripts/lock.sh
