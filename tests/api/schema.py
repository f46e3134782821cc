"""A small JSON Schema check for the API's answers against its own OpenAPI document."""

import datetime
import re


def _resolve(doc, schema):
    while "$ref" in schema:
        node = doc
        for part in schema["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        schema = node
    return schema


TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "boolean": bool,
    "null": type(None),
    "number": (int, float),
}


def check(doc, schema, value, where="$"):
    """A small JSON Schema check (the keywords our document uses): type, required, properties,
    items, enum, const, minimum, format=date. Returns a list of problems."""
    schema = _resolve(doc, schema)
    problems = []
    types = schema.get("type")
    if types is not None:
        types = [types] if isinstance(types, str) else types
        numeric = ("integer", "number")
        ok = any(
            isinstance(value, TYPES[t]) and not (t in numeric and isinstance(value, bool))
            for t in types
        )
        if not ok:
            return [f"{where}: {value!r} is not {types}"]
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{where}: {value!r} not in {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        problems.append(f"{where}: {value!r} != {schema['const']!r}")
    if "minimum" in schema and isinstance(value, int) and value < schema["minimum"]:
        problems.append(f"{where}: {value} < {schema['minimum']}")
    if schema.get("format") == "date" and isinstance(value, str):
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            problems.append(f"{where}: {value!r} is not a date")
    uri = schema.get("format") == "uri" and isinstance(value, str)
    if uri and not re.match(r"^https?://", value):
        problems.append(f"{where}: {value!r} is not an absolute URL")
    if isinstance(value, dict):
        for key in schema.get("required", ()):
            if key not in value:
                problems.append(f"{where}: missing {key!r}")
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                problems += check(doc, sub, value[key], f"{where}.{key}")
        if "properties" in schema:
            extra = set(value) - set(schema["properties"])
            if extra:
                problems.append(f"{where}: undocumented keys {sorted(extra)}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            problems += check(doc, schema["items"], item, f"{where}[{i}]")
    return problems
