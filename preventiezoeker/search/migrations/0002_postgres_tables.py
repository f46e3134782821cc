"""The PostgreSQL engine's tables (pg_backend.py). Created on PostgreSQL only: the embedded
engine keeps its index on disk."""

from django.db import migrations

SQL = """
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
-- Generations come from a sequence: a rolled-back write never hands its number to other data.
CREATE SEQUENCE search_generation;
CREATE TABLE search_state (
    source varchar(40) PRIMARY KEY,
    generation bigint NOT NULL DEFAULT nextval('search_generation'),
    documents integer NOT NULL DEFAULT 0,
    rebuilt bigint NOT NULL DEFAULT 0,
    built timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE search_document (
    source varchar(40) NOT NULL,
    id bigint NOT NULL,
    changed bigint NOT NULL DEFAULT 0,
    deleted boolean NOT NULL DEFAULT false,
    facets text[] NOT NULL DEFAULT '{}',
    words text NOT NULL DEFAULT '',
    sequence text NOT NULL DEFAULT '',
    s0 text COLLATE "C", s1 text COLLATE "C", s2 text COLLATE "C", s3 text COLLATE "C",
    d0 integer NOT NULL DEFAULT 0, d1 integer NOT NULL DEFAULT 0,
    d2 integer NOT NULL DEFAULT 0, d3 integer NOT NULL DEFAULT 0,
    expires integer NOT NULL DEFAULT 0,
    PRIMARY KEY (source, id)
);
CREATE INDEX search_document_changed ON search_document (source, changed);
CREATE TABLE search_posting (
    source varchar(40) NOT NULL,
    term text COLLATE "C" NOT NULL,
    id bigint NOT NULL,
    impact real NOT NULL,
    -- impact in the index: a term's postings are read by an index-only scan
    PRIMARY KEY (source, term, id) INCLUDE (impact)
);
CREATE INDEX search_posting_id ON search_posting (source, id);
CREATE TABLE search_term (
    source varchar(40) NOT NULL,
    kind "char" NOT NULL,
    term text COLLATE "C" NOT NULL,
    docs integer NOT NULL,
    PRIMARY KEY (source, kind, term)
);
"""

REVERSE = """
DROP TABLE IF EXISTS search_term, search_posting, search_document, search_state;
DROP SEQUENCE IF EXISTS search_generation;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in SQL.split(";"):
            if statement.strip():
                schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REVERSE)


class Migration(migrations.Migration):
    dependencies = [("zoeken", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
